// next-auth configuration: Credentials sign-in with argon2id, JWT sessions re-checked against the
// database on every request (server/auth.ts), per-account and per-IP lock-out, every attempt audited.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getOrCreateAuthSecret } from '@/db/queries/settings';
import { findAuthUser, findUserForSignIn } from '@/db/queries/users';
import { recordAudit } from './audit';
import { clientIp } from '@/lib/client-ip';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { POLICIES, countAttempt, releaseAttempt, resetLimit } from './rate-limit';

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

  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await recordAudit(db, null, { action: 'signin.failed', entityType: 'user', entityId: user?.id ?? null, actorName, ip });
    if (account.count >= account.limit) throw lockedError(account.retryAfterSeconds);
    return null;
  }
  if (user.disabled) {
    await recordAudit(db, null, { action: 'signin.refused', entityType: 'user', entityId: user.id, actorName, ip, note: 'account disabled' });
    throw new Error('disabled');
  }
  await Promise.all([resetLimit(db, POLICIES.signInAccount, username), releaseAttempt(db, POLICIES.signInIp, ip)]);
  await recordAudit(db, user, { action: 'signin', entityType: 'user', entityId: user.id, ip });
  return { id: String(user.id), name: user.displayName, sv: user.sessionVersion };
}

let secret: Promise<string> | null = null;
function authSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return Promise.resolve(process.env.NEXTAUTH_SECRET);
  secret ??= getDb().then(getOrCreateAuthSecret);
  return secret;
}

export async function getAuthOptions(): Promise<NextAuthOptions> {
  return {
    secret: await authSecret(),
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
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.sv = (user as { sv?: number }).sv;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
    events: {
      async signOut({ token }) {
        const uid = Number(token?.uid);
        if (!uid) return;
        const db = await getDb();
        const user = await findAuthUser(db, uid);
        await recordAudit(db, user, { action: 'signout', entityType: 'user', entityId: uid });
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
