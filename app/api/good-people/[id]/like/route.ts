// GET: what the profile's like button shows for this visitor: whether its like counts today, and the
// current count. Profile pages are cached for everyone (proxy.ts page cache), so this personal part is
// asked for by the button after the page loads; the answer is never cached.
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { findLikeState } from '@/db/queries/people-citizen';
import { visitorStoredKey } from '@/lib/visitor-signature';
import { parseArticleId } from '@/server/view-counter';
import { knownVisitorId } from '@/server/visitor-id';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store' };

export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const personId = parseArticleId((await params).id);
  if (personId === null) return NextResponse.json({ error: '人物编号无效。' }, { status: 404, headers: PRIVATE });
  const visitor = await knownVisitorId();
  const state = await findLikeState(await getDb(), personId, visitor ? visitorStoredKey(visitor) : null);
  if (!state) return NextResponse.json({ error: '该人物不存在或未公开。' }, { status: 404, headers: PRIVATE });
  return NextResponse.json(state, { headers: PRIVATE });
}
