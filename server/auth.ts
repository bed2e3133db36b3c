// Who is signed in, and may they do this: the one guard for every admin page and server action.
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findAuthUser, type AuthUser } from '@/db/queries/users';
import { getAuthOptions } from './auth-options';
import { can, type Permission } from '@/lib/roles';

export type { AuthUser };

/**
 * The signed-in user, re-read from the database on every request: a disabled account, or one whose
 * password or role changed since the token was issued, is treated as signed out at once.
 */
export const currentUser = cache(async (): Promise<AuthUser | null> => {
  // Reading the session is per request; saying so first keeps `next build` from prerendering the page.
  await connection();
  const session = (await getServerSession(await getAuthOptions())) as { uid?: number; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await findAuthUser(await getDb(), session.uid);
  if (!user || user.disabled || user.sessionVersion !== session.sv) return null;
  return user;
});

/** For pages: sends visitors to the sign-in page and shows 403 to users without the permission. */
export async function requirePageUser(permission: Permission, returnTo: string): Promise<AuthUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, permission)) forbidden();
  return user;
}
