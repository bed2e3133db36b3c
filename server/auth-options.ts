// next-auth configuration: Credentials sign-in with argon2id, JWT sessions re-checked against the
// database on every request (server/auth.ts), per-account and per-IP lock-out, every attempt audited.
// Each sign-in starts a session with its own id (`sid`); signing out revokes that id on the server.
import { randomBytes } from 'node:crypto';
import type { NextAuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cache } from 'react';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findSessionUser, revokeSession, type SessionClaims } from '@/db/queries/sessions';
import { findAuthUser, findUserForSignIn, type AuthUser } from '@/db/queries/users';
import { recordAudit } from './audit';
import { clientIp } from '@/lib/client-ip';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { POLICIES, countAttempt, releaseAttempt, resetLimit } from './rate-limit';
import { serverSecret } from './secret';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64).regex(/^[^\p{Cc}]+$/u),
  password: z.string().min(1).max(256),
});

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Error codes passed to /login?error=…; the page turns them into Chinese messages. */
export function lockedError(seconds: number): Error {
  return new Error(`locked:${seconds}`);
}

function headersOf(req: { headers?: Record<string, string | string[] | undefined> } | undefined): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req?.headers ?? {})) if (typeof v === 'string') h.set(k, v);
  return h;
}

async function authorize(credentials: Record<string, string> | undefined, req: { headers?: Record<string, string | string[] | undefined> }) {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const db = await getDb();
  const ip = clientIp(headersOf(req)) ?? 'unknown';

  // Every attempt is counted before the password is checked, in one atomic step per counter, so that
  // parallel guesses cannot all pass a check made before any of them was counted.
  const [account, address] = await Promise.all([countAttempt(db, POLICIES.signInAccount, username), countAttempt(db, POLICIES.signInIp, ip)]);
  const user = await findUserForSignIn(db, username);
  // An unknown name is logged by its first characters only: it may be a password typed into the wrong field.
  const actorName = user ? user.username : `未知账号（${Array.from(username).slice(0, 2).join('')}…）`;
  const refused = [account, address].find((a) => a.count > a.limit);
  if (refused) {
    await recordAudit(db, null, { action: 'signin.refused', entityType: 'user', entityId: user?.id ?? null, actorName, ip, note: 'locked (too many attempts)' });
    throw lockedError(refused.retryAfterSeconds);
  }

  // A disabled account is answered exactly like a wrong password, after the same work (a check against
  // the dummy hash), so the answer tells nobody whether the password of a disabled account was right.
  const usable = user && !user.disabled ? user : null;
  const valid = await verifyPassword(usable?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!usable || !valid) {
    const disabled = Boolean(user?.disabled);
    await recordAudit(db, null, { action: disabled ? 'signin.refused' : 'signin.failed', entityType: 'user', entityId: user?.id ?? null, actorName, ip, note: disabled ? 'account disabled' : null });
    if (account.count >= account.limit) throw lockedError(account.retryAfterSeconds);
    return null;
  }
  await Promise.all([resetLimit(db, POLICIES.signInAccount, username), releaseAttempt(db, POLICIES.signInIp, ip)]);
  await recordAudit(db, usable, { action: 'signin', entityType: 'user', entityId: usable.id, ip });
  return { id: String(usable.id), name: usable.displayName, sv: usable.sessionVersion };
}

/** The session a token stands for, or null for a token without one (issued before sessions had ids). */
export function sessionClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  const { uid, sv, sid } = token ?? {};
  if (typeof uid !== 'number' || !Number.isInteger(uid) || typeof sv !== 'number' || typeof sid !== 'string' || sid.length === 0) return null;
  return { uid, sv, sid };
}

/**
 * The signed-in user of a session, or null once it has ended (server/auth.ts). Read once per request:
 * the token callback and currentUser() both ask, and share the answer.
 */
export const sessionUser = cache(async (uid: number, sv: number, sid: string): Promise<AuthUser | null> => findSessionUser(await getDb(), { uid, sv, sid }));

export async function getAuthOptions(): Promise<NextAuthOptions> {
  return {
    secret: await serverSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: '账号密码',
        credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' } },
        authorize: (credentials, req) => authorize(credentials, req as { headers?: Record<string, string | string[] | undefined> }),
      }),
    ],
    callbacks: {
      async jwt({ token, user }): Promise<JWT> {
        if (user) return { ...token, uid: Number(user.id), sv: (user as { sv?: number }).sv, sid: randomBytes(18).toString('base64url') };
        // Renewing a token (GET /api/auth/session) is refused once its session has ended: an empty token
        // replaces it, so a copy kept after signing out cannot be renewed beyond its revocation's lifetime.
        const claims = sessionClaims(token);
        if (!claims || !(await sessionUser(claims.uid, claims.sv, claims.sid))) return {};
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        const uid = Number(token?.uid);
        if (!uid) return;
        const db = await getDb();
        const user = await findAuthUser(db, uid);
        const claims = sessionClaims(token);
        await db.transaction(async (tx) => {
          // Every copy of this token is refused from now on; no copy can outlive now + the session's
          // lifetime, since the token callback renews no token of an ended session.
          if (claims && user) await revokeSession(tx, { sessionId: claims.sid, userId: uid, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
          await recordAudit(tx, user, { action: 'signout', entityType: 'user', entityId: uid });
        });
      },
    },
    logger: {
      // next-auth logs failed credentials as errors with the user's input; keep logs to the code only.
      error: (code) => console.error(`next-auth error: ${code}`),
      warn: (code) => console.warn(`next-auth warning: ${code}`),
      debug: () => undefined,
    },
  };
}
