// next-auth's endpoints. Sign-in attempts from a locked account or address are answered 429 here,
// before next-auth runs, so API clients get a real status (the login page shows the same message).
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { getAuthOptions, normalizeUsername } from '@/server/auth-options';
import { clientIp } from '@/lib/client-ip';
import { isLookupText } from '@/lib/lookup-text';
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

async function handler(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (req.method === 'POST' && nextauth.join('/') === 'callback/credentials') {
    const locked = await lockedResponse(req);
    if (locked) return locked;
  }
  return NextAuth(req, context, await getAuthOptions());
}

export { handler as GET, handler as POST };
