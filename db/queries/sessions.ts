// Signed-in sessions: the check every admin request makes (user enabled, session version current,
// session not signed out) and the revocation written by signing out.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { revokedSessions, users } from '../schema';
import { authColumns, type AuthUser } from './users';

/** What a session token says about its session (server/auth-options.ts writes these claims). */
export type SessionClaims = { uid: number; sv: number; sid: string };

/**
 * The user of a session, or null when the session has ended: the account is gone or disabled, its
 * session version moved on (password or role change, "sign out everywhere"), or this session was
 * signed out. One query, so the check costs every admin request a single round trip.
 */
export async function findSessionUser(db: Db, claims: SessionClaims): Promise<AuthUser | null> {
  const [row] = await db
    .select({
      ...authColumns,
      revoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${claims.sid})`,
    })
    .from(users)
    .where(eq(users.id, claims.uid))
    .limit(1);
  if (!row || row.revoked || row.disabled || row.sessionVersion !== claims.sv) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, unitId: row.unitId, disabled: row.disabled, sessionVersion: row.sessionVersion };
}

/**
 * Ends one session for good: its token is refused from now on, and rows whose tokens have expired
 * anyway are swept at the same time (so the table stays as small as the sessions signed out lately).
 */
export async function revokeSession(db: Db, session: { sessionId: string; userId: number; expiresAt: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
    await tx.insert(revokedSessions).values(session).onConflictDoNothing();
  });
}
