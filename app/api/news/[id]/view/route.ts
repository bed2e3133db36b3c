// The article page's view beacon. Always answers 204: nothing here tells a client whether it was counted.
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { clientIp } from '@/lib/client-ip';
import { isBot, parseArticleId, recordView, scheduleViewFlush } from '@/server/view-counter';

export const dynamic = 'force-dynamic';

// An anonymous random id, only sent to this endpoint, used to count a reader once per 30 minutes.
const VISITOR_COOKIE = 'vid';
const VISITOR_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const response = new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  const articleId = parseArticleId((await params).id);
  const userAgent = request.headers.get('user-agent');
  if (articleId === null || isBot(userAgent)) return response;

  const keys: string[] = [];
  const existing = request.cookies.get(VISITOR_COOKIE)?.value;
  if (existing && VISITOR_PATTERN.test(existing)) {
    keys.push(`vid:${existing}`);
  } else {
    // No cookie yet (first view, or cookies refused): the address stands in, so a client that never
    // keeps cookies is still counted once per window.
    const visitor = randomBytes(16).toString('base64url');
    const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
    response.cookies.set({ name: VISITOR_COOKIE, value: visitor, httpOnly: true, sameSite: 'lax', secure: https, path: '/api/news', maxAge: 24 * 3600 });
    keys.push(`vid:${visitor}`);
    const ip = clientIp(request.headers);
    if (ip) keys.push(`ip:${ip}`);
  }

  if (recordView({ articleId, visitorKeys: keys, userAgent }) === 'counted') scheduleViewFlush();
  return response;
}
