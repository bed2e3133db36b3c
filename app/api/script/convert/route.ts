// POST /api/script/convert {texts: string[]} → {texts: string[]} in Traditional characters: the text
// that client components render in the browser (hydration, form messages, likes) in 繁體 mode. The page
// itself arrives converted from proxy.ts; this converts only what the browser renders afterwards.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { CONVERT_LIMITS, toTraditional } from '@/lib/chinese-script';
import { clientIp } from '@/lib/client-ip';
import { consumeAttempt, POLICIES } from '@/server/rate-limit';

export const dynamic = 'force-dynamic';

const body = z.object({ texts: z.array(z.string()).max(CONVERT_LIMITS.maxTexts) });

function answer(status: number, json: unknown): NextResponse {
  return NextResponse.json(json, { status, headers: { 'Cache-Control': 'no-store' } });
}

const MAX_BODY_BYTES = 400_000;

export async function POST(request: NextRequest) {
  // Only this site's own pages call it (browsers always send Sec-Fetch-Site with fetch()).
  if (request.headers.get('sec-fetch-site') !== 'same-origin') return answer(403, { error: 'cross-origin' });
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length) || length > MAX_BODY_BYTES) return answer(413, { error: 'too long' });
  const db = await getDb();
  const limit = await consumeAttempt(db, POLICIES.convert, clientIp(request.headers) ?? 'unknown');
  if (limit.limited) return answer(429, { error: 'slow down' });
  let parsed: z.infer<typeof body>;
  try {
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return answer(413, { error: 'too long' });
    const result = body.safeParse(JSON.parse(text));
    if (!result.success) return answer(400, { error: 'bad request' });
    parsed = result.data;
  } catch {
    return answer(400, { error: 'bad request' });
  }
  const chars = parsed.texts.reduce((n, t) => n + t.length, 0);
  if (chars > CONVERT_LIMITS.maxChars) return answer(413, { error: 'too long' });
  return answer(200, { texts: parsed.texts.map(toTraditional) });
}
