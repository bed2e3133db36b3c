// The article page's view beacon. Always answers 204: nothing here tells a client whether it was counted.
import { NextResponse, type NextRequest } from 'next/server';
import { clientIp } from '@/lib/client-ip';
import { safeErrorSummary } from '@/lib/log-error';
import { isBot, parseArticleId, recordView, scheduleViewFlush } from '@/server/view-counter';
import { currentVisitor, viewKeys } from '@/server/visitor-id';

export const dynamic = 'force-dynamic';

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  const articleId = parseArticleId((await params).id);
  const userAgent = request.headers.get('user-agent');
  if (articleId === null || isBot(userAgent)) return response;
  try {
    // The signed visitor id (server/visitor-id.ts); without a valid one the address stands in too.
    const keys = viewKeys(await currentVisitor(), clientIp(request.headers));
    if (recordView({ articleId, visitorKeys: keys, userAgent }) === 'counted') scheduleViewFlush();
  } catch (error) {
    console.error(`article view counter failed: ${safeErrorSummary(error)}`);
  }
  return response;
}
