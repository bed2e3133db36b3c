// POST /api/script/convert {texts: string[]} → {texts: string[]} in Traditional characters: the text
// that client components render in the browser (hydration, form messages, likes) in 繁體 mode. The page
// itself arrives converted from proxy.ts; this converts only what the browser renders afterwards.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { CONVERT_LIMITS, toTraditional } from '@/lib/chinese-script';

export const dynamic = 'force-dynamic';

const body = z.object({ texts: z.array(z.string()).max(CONVERT_LIMITS.maxTexts) });

function answer(status: number, json: unknown): NextResponse {
  return NextResponse.json(json, { status, headers: { 'Cache-Control': 'no-store' } });
}

export async function POST(request: NextRequest) {
  // Only this site's own pages call it.
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return answer(403, { error: 'cross-origin' });
  let parsed: z.infer<typeof body>;
  try {
    const result = body.safeParse(await request.json());
    if (!result.success) return answer(400, { error: 'bad request' });
    parsed = result.data;
  } catch {
    return answer(400, { error: 'bad request' });
  }
  const chars = parsed.texts.reduce((n, t) => n + t.length, 0);
  if (chars > CONVERT_LIMITS.maxChars) return answer(413, { error: 'too long' });
  return answer(200, { texts: parsed.texts.map(toTraditional) });
}
