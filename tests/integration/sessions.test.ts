// Sessions end on the server, on both engines: signing out revokes that one session, "sign out
// everywhere" (the user's own, or an admin's for a user) ends all of a user's sessions, and the one
// guard (currentUser) refuses both, for pages and server actions alike. Also: sign-in answers a
// disabled account exactly like a wrong password, and the current-password check of a password change
// is counted by the sign-in limiter.
import { and, eq, sql } from 'drizzle-orm';
import { decode, encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { getOrCreateAuthSecret } from '@/db/queries/settings';
import { findUserForSignIn, insertUser, updateUser } from '@/db/queries/users';
import { auditLog, rateLimits, revokedSessions } from '@/db/schema';
import { changeOwnPassword, signOutEverywhere } from '@/app/(admin)/admin/account/actions';
import { signOutUserEverywhere } from '@/app/(admin)/admin/users/actions';
import { REFUSED_SIGNED_OUT, type ActionState } from '@/server/actions';
import { currentUser } from '@/server/auth';
import { dummyPasswordHash, hashPassword, verifyPassword } from '@/server/passwords';
import { AuthBrowser, SESSION_COOKIE } from './auth-flow';
import { engine, freshDatabase } from './helpers';

const ctx = vi.hoisted(() => ({ db: null as unknown, cookies: {} as Record<string, string>, verified: [] as string[] }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '198.51.100.20' }),
  cookies: async () => ({
    get: (name: string) => (name in ctx.cookies ? { name, value: ctx.cookies[name] } : undefined),
    getAll: () => Object.entries(ctx.cookies).map(([name, value]) => ({ name, value })),
    has: (name: string) => name in ctx.cookies,
    set: () => undefined,
  }),
}));
vi.mock('next/server', () => ({ connection: async () => undefined }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => ctx.db }));
// getServerSession as in a server component, reading this test's cookies (see auth-flow.ts).
vi.mock('next-auth', async (original) => ({
  ...(await original<typeof import('next-auth')>()),
  getServerSession: async (options: unknown) => (await import('./auth-flow')).serverSession(options, ctx.cookies),
}));
// Which hash each password check ran against, to compare the work done for different answers.
vi.mock('@/server/passwords', async (original) => {
  const real = await original<typeof import('@/server/passwords')>();
  return { ...real, verifyPassword: (hash: string, password: string) => (ctx.verified.push(hash), real.verifyPassword(hash, password)) };
});

const PASSWORD = 'Lantern-river-4729';
const NEW_PASSWORD = 'Willow-bridge-8153';
let handle: DbHandle;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The guard's answer for a browser's cookies (as every admin page and action asks it). */
async function guardFor(browser: AuthBrowser | Record<string, string>) {
  ctx.cookies = browser instanceof AuthBrowser ? { ...browser.jar } : { ...browser };
  return currentUser();
}

async function act(cookies: Record<string, string>, action: (state: ActionState, data: FormData) => Promise<ActionState>, fields: Record<string, string>): Promise<ActionState> {
  ctx.cookies = { ...cookies };
  return action({}, form(fields));
}

async function newUser(username: string, role: 'editor' | 'admin' = 'editor') {
  return insertUser(handle.db, { username, displayName: username, role, passwordHash: await hashPassword(PASSWORD) });
}

async function signedIn(username: string, password = PASSWORD): Promise<AuthBrowser> {
  const browser = new AuthBrowser();
  const answer = await browser.signIn(username, password);
  expect(browser.session, `sign-in of ${username}: ${JSON.stringify(answer)}`).toBeTruthy();
  return browser;
}

const auditCount = async (action: string, entityId: number) =>
  (await handle.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))))).length;

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
});
afterAll(async () => {
  await handle.close();
});

describe(`signing out ends the session on the server (${engine})`, () => {
  it('refuses a copy of the token after sign-out, on pages and actions, and leaves other sessions signed in', async () => {
    const user = await newUser('so-editor');
    const browser = await signedIn('so-editor');
    const otherDevice = await signedIn('so-editor');
    expect((await guardFor(browser))?.id).toBe(user.id);
    const copied = { ...browser.jar }; // what an attacker (or a shared computer) kept

    await browser.signOut();
    expect(browser.session).toBeUndefined();
    expect(await guardFor(copied)).toBeNull();
    expect(await act(copied, changeOwnPassword, { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).toMatchObject({ message: REFUSED_SIGNED_OUT });
    expect(await act(copied, signOutEverywhere, { scope: 'all-devices' })).toMatchObject({ message: REFUSED_SIGNED_OUT });

    // Per session: the same user on another device stays signed in.
    expect((await guardFor(otherDevice))?.id).toBe(user.id);
    expect(await auditCount('signout', user.id)).toBe(1);
    const [row] = await handle.db.select().from(revokedSessions).where(eq(revokedSessions.userId, user.id));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 7.9 * 3600_000);
  });

  it('does not renew the token of a session that was signed out', async () => {
    await newUser('so-renew');
    const browser = await signedIn('so-renew');
    const copy = new AuthBrowser();
    copy.jar = { ...browser.jar };
    await browser.signOut();

    await copy.call('session', 'GET'); // GET /api/auth/session with the old cookie
    const secret = await getOrCreateAuthSecret(handle.db);
    const renewed = await decode({ token: copy.session, secret });
    expect(renewed?.uid).toBeUndefined();
    expect(renewed?.sid).toBeUndefined();
    expect(await guardFor(copy)).toBeNull();
  });

  it('refuses tokens without a session id (issued before sessions had one)', async () => {
    const user = await newUser('so-legacy');
    const secret = await getOrCreateAuthSecret(handle.db);
    const legacy = await encode({ token: { uid: user.id, sv: user.sessionVersion ?? 1, name: 'so-legacy' }, secret });
    expect(await guardFor({ [SESSION_COOKIE]: legacy })).toBeNull();
  });

  it('sweeps revocations whose tokens have expired anyway', async () => {
    const user = await newUser('so-sweep');
    await handle.db.insert(revokedSessions).values({ sessionId: 'long-gone', userId: user.id, expiresAt: new Date(Date.now() - 60_000) });
    const browser = await signedIn('so-sweep');
    await browser.signOut();
    const rows = await handle.db.select({ id: revokedSessions.sessionId }).from(revokedSessions).where(eq(revokedSessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe('long-gone');
  });
});

describe(`signing out everywhere (${engine})`, () => {
  it('ends every session of the user who asks, this one included, and is audited', async () => {
    const user = await newUser('se-self');
    const [laptop, phone] = [await signedIn('se-self'), await signedIn('se-self')];
    // Without the confirmation field nothing happens.
    expect(await act(laptop.jar, signOutEverywhere, {})).toMatchObject({ fieldErrors: { scope: '请确认退出所有设备' } });
    expect((await guardFor(phone))?.id).toBe(user.id);

    await expect(act(laptop.jar, signOutEverywhere, { scope: 'all-devices' })).rejects.toMatchObject({ digest: expect.stringContaining('/login?error=SignedOutEverywhere') });
    expect(await guardFor(laptop)).toBeNull();
    expect(await guardFor(phone)).toBeNull();
    expect(await auditCount('user.signout_all', user.id)).toBe(1);
    // Signing in again works as usual.
    expect((await guardFor(await signedIn('se-self')))?.id).toBe(user.id);
  });

  it('lets an admin end every session of another user; the admin stays signed in', async () => {
    const admin = await newUser('se-admin', 'admin');
    const target = await newUser('se-target');
    const adminBrowser = await signedIn('se-admin');
    const [a, b] = [await signedIn('se-target'), await signedIn('se-target')];

    expect(await act(a.jar, signOutUserEverywhere, { id: String(target.id) })).toMatchObject({ message: '您没有执行此操作的权限。' });
    expect((await guardFor(a))?.id).toBe(target.id);

    expect(await act(adminBrowser.jar, signOutUserEverywhere, { id: String(target.id) })).toMatchObject({ ok: true });
    expect(await guardFor(a)).toBeNull();
    expect(await guardFor(b)).toBeNull();
    expect((await guardFor(adminBrowser))?.id).toBe(admin.id);
    const [entry] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.signout_all'), eq(auditLog.entityId, String(target.id))));
    expect(entry).toMatchObject({ actorId: admin.id, note: 'signed out on every device by an administrator' });
    expect(await act(adminBrowser.jar, signOutUserEverywhere, { id: '999999' })).toMatchObject({ message: '用户不存在或已被删除。' });
  });
});

describe(`sign-in of a disabled account (${engine})`, () => {
  it('answers the right and a wrong password the same way, after the same work', async () => {
    const user = await newUser('dis-user');
    await updateUser(handle.db, user.id, { disabled: true }, { endSessions: true });
    const dummy = await dummyPasswordHash();
    const { passwordHash } = (await findUserForSignIn(handle.db, 'dis-user'))!;

    const answers = [];
    for (const password of [PASSWORD, 'Wrong-password-2026']) {
      const browser = new AuthBrowser();
      ctx.verified = [];
      answers.push((await browser.signIn('dis-user', password)).redirect);
      expect(browser.session).toBeUndefined();
      // Checked against the dummy hash, as for an unknown name: never against the account's own hash.
      expect(ctx.verified).toEqual([dummy]);
      expect(ctx.verified).not.toContain(passwordHash);
    }
    expect(answers[0]).toMatch(/[?&]error=CredentialsSignin/);
    expect(answers[1]).toBe(answers[0]);
    // The log still says why (staff only).
    expect(await auditCount('signin.refused', user.id)).toBe(2);
  });
});

describe(`changing one's password is throttled like sign-in (${engine})`, () => {
  it('locks after ten wrong current passwords: the right one is refused while locked, and all is audited', async () => {
    const user = await newUser('pw-guess');
    const browser = await signedIn('pw-guess');
    const attempt = (current: string) => act(browser.jar, changeOwnPassword, { current, password: NEW_PASSWORD, confirm: NEW_PASSWORD });

    const answers = [];
    for (let i = 1; i <= 12; i++) answers.push((await attempt(`Wrong-guess-${i}x`)).fieldErrors?.current);
    expect(answers.slice(0, 9)).toEqual(Array(9).fill('当前密码不正确'));
    for (const answer of answers.slice(9)) expect(answer).toMatch(/输错次数过多，账号已临时锁定。请 1[45] 分钟后再试/);

    const right = await attempt(PASSWORD);
    expect(right.ok).toBeUndefined();
    expect(right.fieldErrors?.current).toMatch(/账号已临时锁定/);
    const { passwordHash } = (await findUserForSignIn(handle.db, 'pw-guess'))!;
    expect(await verifyPassword(passwordHash, PASSWORD)).toBe(true);
    expect((await guardFor(browser))?.id).toBe(user.id); // nothing changed: the session is still valid

    expect(await auditCount('user.password_change_failed', user.id)).toBe(10);
    expect(await auditCount('user.password_change_refused', user.id)).toBe(3);
    // One budget with the sign-in form: the account is locked there too.
    expect((await new AuthBrowser().signIn('pw-guess', PASSWORD)).redirect).toMatch(/error=locked%3A\d+|error=locked:\d+/);

    // Once the window is over, the right password changes it, ends the sessions and clears the count.
    await handle.db.update(rateLimits).set({ resetAt: sql`now() - interval '1 second'` }).where(eq(rateLimits.key, 'signin-account:pw-guess'));
    expect(await attempt(PASSWORD)).toMatchObject({ ok: true });
    expect(await guardFor(browser)).toBeNull();
    expect(await handle.db.select().from(rateLimits).where(eq(rateLimits.key, 'signin-account:pw-guess'))).toHaveLength(0);
    expect((await guardFor(await signedIn('pw-guess', NEW_PASSWORD)))?.id).toBe(user.id);
  });
});
