// next-auth's endpoints. Sign-in attempts from a locked account or address are answered 429 here,
// before next-auth runs, so API clients get a real status (the login page shows the same message).
// A plain form post of the login page that had no CSRF token to carry gets one here (withCsrfToken).
import NextAuth, { type NextAuthOptions } from 'next-auth';
import { cookies } from 'next/headers';
import { NextRequest, NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { getAuthOptions, normalizeUsername } from '@/server/auth-options';
import { clientIp } from '@/lib/client-ip';
import { isLookupText } from '@/lib/lookup-text';
import { isProvenSameOrigin } from '@/lib/security-headers';
import { POLICIES, checkLimit } from '@/server/rate-limit';

type Context = { params: Promise<{ nextauth: string[] }> };

async function lockedResponse(req: NextRequest): Promise<Response | null> {
  const form = await req.clone().formData().catch(() => null);
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
 * The login page renders next-auth's CSRF token from its cookie, but a browser that has never talked to
 * next-auth has none yet (a server component cannot set the cookie), and its form then posts an empty token
 * when it posts as a plain form: without JavaScript, or when a slow phone's visitor clicks before the script
 * has loaded. next-auth would refuse that first post and send the visitor back to type the password again.
 * When the browser proves the post comes from this site's own page (Sec-Fetch-Site or Origin: what the
 * token's double submit guards against is exactly another site's post), next-auth's own csrf endpoint mints
 * the token and its cookie, and the post goes on with them. Any other post is left to next-auth as it came.
 */
async function withCsrfToken(req: NextRequest, options: NextAuthOptions): Promise<NextRequest> {
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  if (!form || form.get('csrfToken') || !isProvenSameOrigin(req.headers)) return req;
  const headers = new Headers(req.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  const minted = await NextAuth(new NextRequest(new URL('/api/auth/csrf', req.url), { headers }), paramsOf('csrf'), options);
  const { csrfToken } = (await minted.json()) as { csrfToken?: unknown };
  if (typeof csrfToken !== 'string') return req;
  // Set through next/headers: next-auth reads the request's cookies there, and Next sends them with the answer.
  const jar = await cookies();
  for (const cookie of new NextResponse(null, { headers: minted.headers }).cookies.getAll()) jar.set(cookie);
  const body = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === 'string') body.append(name, value);
  body.set('csrfToken', csrfToken);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  return new NextRequest(req.url, { method: 'POST', headers, body });
}

async function handler(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  const options = await getAuthOptions();
  if (req.method === 'POST' && nextauth.join('/') === 'callback/credentials') {
    const locked = await lockedResponse(req);
    if (locked) return locked;
    return NextAuth(await withCsrfToken(req, options), context, options);
  }
  return NextAuth(req, context, options);
}

export { handler as GET, handler as POST };
