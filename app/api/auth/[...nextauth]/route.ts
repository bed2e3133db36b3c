// next-auth's endpoints. Sign-in attempts from a locked account or address are answered 429 here,
// before next-auth runs, so API clients get a real status (the login page shows the same message).
// A plain sign-in or sign-out form post that had no CSRF token to carry gets one here (postWithCsrfToken).
import NextAuth, { type NextAuthOptions } from 'next-auth';
import { cookies } from 'next/headers';
import { NextRequest, NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { getAuthOptions, normalizeUsername } from '@/server/auth-options';
import { clientIp } from '@/lib/client-ip';
import { isLookupText } from '@/lib/lookup-text';
import { isProvenSameOrigin } from '@/lib/security-headers';
import { publicOrigin, requestOrigin } from '@/server/site-url';
import { POLICIES, checkLimit } from '@/server/rate-limit';

type Context = { params: Promise<{ nextauth: string[] }> };

/** The posted form, read from a copy (next-auth reads the body itself); null when the body is not a form. */
const formOf = (req: NextRequest): Promise<FormData | null> =>
  req
    .clone()
    .formData()
    .catch(() => null);

async function lockedResponse(req: NextRequest, form: FormData | null): Promise<Response | null> {
  const username = normalizeUsername(String(form?.get('username') ?? ''));
  const db = await getDb();
  const checks = [checkLimit(db, POLICIES.signInIp, clientIp(req.headers) ?? 'unknown')];
  if (isLookupText(username, 64)) checks.push(checkLimit(db, POLICIES.signInAccount, username));
  const locked = (await Promise.all(checks)).find((s) => s.limited);
  if (!locked?.limited) return null;
  const url = new URL(`/login?error=locked:${locked.retryAfterSeconds}`, req.nextUrl.origin).toString();
  return Response.json(
    { url, error: 'too_many_attempts', retryAfterSeconds: locked.retryAfterSeconds },
    { status: 429, headers: { 'Retry-After': String(locked.retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}

const paramsOf = (...nextauth: string[]): Context => ({ params: Promise.resolve({ nextauth }) });

/**
 * The sign-in and sign-out forms post to next-auth as plain forms, with next-auth's CSRF token read from its
 * cookie (server/auth.ts authCsrfToken). A browser that has never talked to next-auth has no such cookie yet
 * (a server component cannot set it), nor one that was closed since (it lasts for the browser session while the
 * session lasts longer): its form posts an empty token (or a stale one). next-auth would refuse that post: the
 * visitor would type the password again, or stay signed in on a shared computer.
 * When the browser proves the post comes from this site's own page (Sec-Fetch-Site, or an Origin that is
 * exactly this site's: what the token's double submit guards against is another site's post), the post goes
 * on with the token next-auth's own csrf endpoint gives: the one of its valid cookie, or a new one with its
 * cookie. Any other post is left to next-auth as it came.
 */
async function postWithCsrfToken(req: NextRequest, form: FormData | null, context: Context, options: NextAuthOptions): Promise<Response> {
  if (!form || !isProvenSameOrigin(req.headers, [requestOrigin(req.headers), publicOrigin()])) return NextAuth(req, context, options);
  const headers = new Headers(req.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  const csrf = await NextAuth(new NextRequest(new URL('/api/auth/csrf', req.url), { headers }), paramsOf('csrf'), options);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: unknown };
  const minted = new NextResponse(null, { headers: csrf.headers }).cookies.getAll();
  if (typeof csrfToken !== 'string' || (form.get('csrfToken') === csrfToken && minted.length === 0)) return NextAuth(req, context, options);
  // Set through next/headers: next-auth reads the request's cookies there, and Next sends them with the answer.
  const jar = await cookies();
  for (const cookie of minted) jar.set(cookie);
  const body = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === 'string') body.append(name, value);
  body.set('csrfToken', csrfToken);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  const response = await NextAuth(new NextRequest(req.url, { method: 'POST', headers, body }), context, options);
  return minted.length > 0 ? fitForCookieRewrite(response) : response;
}

const DELETES = /;\s*max-age=0\s*(?:;|$)/i;

/** A Set-Cookie's value as Next.js reads it back: decoded twice (the second time without a guard). */
function survivesDoubleDecode(setCookie: string): boolean {
  const value = setCookie.slice(setCookie.indexOf('=') + 1).split(';')[0] ?? '';
  try {
    decodeURIComponent(decodeURIComponent(value));
    return !decodeURIComponent(value).includes('%');
  } catch {
    return false;
  }
}

/**
 * Once a handler has set a cookie through next/headers, Next.js parses the answer's own Set-Cookie headers and
 * writes them again. On the way it drops `Max-Age=0` (next-auth's sign-out would leave the session cookie in
 * the browser, emptied but not deleted: a deleting cookie therefore also gets an Expires in the past, which
 * survives), and it decodes each value twice (a value with an encoded `%`, such as next-auth's callback-url
 * cookie for a return address with an escape in it, would be changed, or fail the whole answer: such a cookie
 * is left out; next-auth's callback-url cookie is only a fallback for flows this site does not use).
 */
function fitForCookieRewrite(response: Response): Response {
  const set = response.headers.getSetCookie();
  const headers = new Headers(response.headers);
  headers.delete('set-cookie');
  for (const cookie of set.filter(survivesDoubleDecode)) headers.append('set-cookie', DELETES.test(cookie) && !/;\s*expires=/i.test(cookie) ? `${cookie}; Expires=Thu, 01 Jan 1970 00:00:00 GMT` : cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function handler(req: NextRequest, context: Context) {
  // next-auth reads the action and the provider from the first two segments only.
  const [action, provider] = (await context.params).nextauth;
  const options = await getAuthOptions();
  const signIn = action === 'callback' && provider === 'credentials';
  if (req.method !== 'POST' || !(signIn || action === 'signout')) return NextAuth(req, context, options);
  const form = await formOf(req);
  return (signIn ? await lockedResponse(req, form) : null) ?? postWithCsrfToken(req, form, context, options);
}

export { handler as GET, handler as POST };
