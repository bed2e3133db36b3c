// The profile page's view beacon (good_people.view_count). Always answers 204: nothing here tells a
// client whether it was counted. Bots are ignored and a visitor counts once per person per 30 minutes,
// with the same dedupe as the news counter (server/view-counter.ts); visibility is checked in the UPDATE.
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { addPersonViews } from '@/db/queries/people-citizen';
import { clientIp } from '@/lib/client-ip';
import { isBot, parseArticleId, RecentVisits } from '@/server/view-counter';
import { currentVisitor, viewKeys } from '@/server/visitor-id';
import { safeErrorSummary } from '@/lib/log-error';

export const dynamic = 'force-dynamic';

// On globalThis so that module reloads in development keep one memory per process.
const holder = globalThis as unknown as { __civicPersonVisits?: RecentVisits };
const visits = (holder.__civicPersonVisits ??= new RecentVisits());

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  const personId = parseArticleId((await params).id);
  if (personId === null || isBot(request.headers.get('user-agent'))) return response;
  try {
    const keys = viewKeys(await currentVisitor(), clientIp(request.headers)).map((key) => `${personId}|${key}`);
    if (visits.visit(keys)) await addPersonViews(await getDb(), personId, 1);
  } catch (error) {
    console.error(`person view counter failed: ${safeErrorSummary(error)}`);
  }
  return response;
}
