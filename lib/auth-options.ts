// next-auth configuration: Credentials sign-in with argon2id, JWT sessions re-checked against the
// database on every request (lib/auth.ts), per-account and per-IP lock-out, every attempt audited.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getOrCreateAuthSecret } from '@/db/queries/settings';
import { findAuthUser, findUserForSignIn } from '@/db/queries/users';
import { recordAudit } from './audit';
import { clientIp } from './client-ip';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { POLICIES, checkLimit, countEvent, resetLimit } from './rate-limit';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) });

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

  for (const [policy, subject] of [[POLICIES.signInAccount, username], [POLICIES.signInIp, ip]] as const) {
    const state = await checkLimit(db, policy, subject);
    if (state.limited) {
      await recordAudit(db, null, { action: 'signin.refused', entityType: 'user', entityId: username, actorName: username, ip, note: `locked (${policy.name})` });
      throw lockedError(state.retryAfterSeconds);
    }
  }

  const user = await findUserForSignIn(db, username);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    const [account] = await Promise.all([countEvent(db, POLICIES.signInAccount, username), countEvent(db, POLICIES.signInIp, ip)]);
    await recordAudit(db, null, { action: 'signin.failed', entityType: 'user', entityId: user ? user.id : username, actorName: username, ip });
    if (account.limited) throw lockedError(account.retryAfterSeconds);
    return null;
  }
  if (user.disabled) {
    await recordAudit(db, null, { action: 'signin.refused', entityType: 'user', entityId: user.id, actorName: username, ip, note: 'account disabled' });
    throw new Error('disabled');
  }
  await resetLimit(db, POLICIES.signInAccount, username);
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
