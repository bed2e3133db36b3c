// GET /api/script?to=hant|hans&back=/path: remembers the visitor's 简/繁 choice in a cookie and goes
// back to the page (303), so the switch is a plain link that works without JavaScript.
import { NextResponse, type NextRequest } from 'next/server';
import { parseScript, SCRIPT_COOKIE, SCRIPT_COOKIE_MAX_AGE, scriptSwitchTarget } from '@/lib/chinese-script';

export const dynamic = 'force-dynamic';

export function GET(request: NextRequest) {
  const to = parseScript(request.nextUrl.searchParams.get('to'));
  const target = scriptSwitchTarget(
    request.nextUrl.searchParams.get('back'),
    request.headers.get('referer'),
    request.headers.get('host'),
  );
  // A relative Location: behind a reverse proxy request.url may name the internal address.
  const response = new NextResponse(null, { status: 303, headers: { Location: target, 'Cache-Control': 'no-store' } });
  if (to === 'hant') {
    response.cookies.set(SCRIPT_COOKIE, 'hant', {
      path: '/',
      maxAge: SCRIPT_COOKIE_MAX_AGE,
      sameSite: 'lax',
      httpOnly: true,
      secure: request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
    });
  } else {
    response.cookies.set(SCRIPT_COOKIE, '', { path: '/', maxAge: 0, sameSite: 'lax', httpOnly: true });
  }
  return response;
}
