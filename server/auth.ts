// Who is signed in, and may they do this: the one guard for every admin page and server action.
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import type { AuthUser } from '@/db/queries/users';
import { getAuthOptions, sessionClaims, sessionUser } from './auth-options';
import { can, type Permission } from '@/lib/roles';
import { decodeSegment } from '@/lib/routes';

export type { AuthUser };

/**
 * The signed-in user, re-read from the database on every request: a disabled account, one whose
 * password or role changed since the token was issued, a session signed out (its id revoked) and every
 * session of a user signed out everywhere (session version bumped) are treated as signed out at once.
 */
export const currentUser = cache(async (): Promise<AuthUser | null> => {
  // Reading the session is per request; saying so first keeps `next build` from prerendering the page.
  await connection();
  const claims = sessionClaims((await getServerSession(await getAuthOptions())) as Record<string, unknown> | null);
  return claims ? sessionUser(claims.uid, claims.sv, claims.sid) : null;
});

/** For pages: sends visitors to the sign-in page and shows 403 to users without the permission. */
export async function requirePageUser(permission: Permission, returnTo: string): Promise<AuthUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, permission)) forbidden();
  return user;
}

/**
 * next-auth's CSRF token for the plain form posts to its endpoints (sign-in, sign-out): the part before the
 * `|` of its cookie (the rest is its hash, which stays in the cookie). Null when no request to next-auth has
 * set the cookie yet (or the browser dropped it: it lasts for the browser session). The form then posts an
 * empty token, and next-auth's route mints one for a post this site's page sent (app/api/auth/[...nextauth]).
 */
export async function authCsrfToken(): Promise<string | null> {
  const jar = await cookies();
  const raw = jar.get('__Host-next-auth.csrf-token')?.value ?? jar.get('next-auth.csrf-token')?.value;
  const value = raw ? decodeSegment(raw) : null;
  if (!value) return null;
  const token = value.split('|')[0] ?? '';
  return /^[0-9a-f]{32,128}$/i.test(token) ? token : null;
}
