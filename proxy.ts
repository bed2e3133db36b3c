// A convenience only: visitors without a session cookie go straight to the sign-in page.
// Every admin page and action still checks the user and role on the server (lib/auth.ts).
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  // Only page visits are redirected. A server action posted after the session expired must reach the
  // action, which answers "登录已过期" so that the editor's form keeps its text.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/admin', '/admin/:path*'] };
