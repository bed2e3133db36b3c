// Accounts, the bootstrap administrator and the shared rate limiter, on both engines.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { hitCounter } from '@/db/queries/rate-limit';
import { findAuthUser, findUserForSignIn, updateUser } from '@/db/queries/users';
import { auditLog, rateLimits } from '@/db/schema';
import { createAdmin, ensureBootstrapAdmin } from '@/server/bootstrap';
import { verifyPassword } from '@/server/passwords';
import { POLICIES, checkLimit, consumeAttempt, countAttempt, countEvent, releaseAttempt, resetLimit } from '@/server/rate-limit';
import { engine, freshDatabase } from './helpers';

describe(`accounts and rate limits on ${engine}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('creates the first administrator from the environment once, with an argon2id hash and an audit entry', async () => {
    const db = handle.db;
    expect(await ensureBootstrapAdmin(db, {})).toMatch(/No administrator yet/);
    await expect(ensureBootstrapAdmin(db, { ADMIN_USERNAME: 'root', ADMIN_PASSWORD: 'short' })).rejects.toThrow(/至少12位/);
    expect(await ensureBootstrapAdmin(db, { ADMIN_USERNAME: 'Root', ADMIN_PASSWORD: 'civic-portal-2026' })).toMatch(/Created/);
    expect(await ensureBootstrapAdmin(db, { ADMIN_USERNAME: 'other', ADMIN_PASSWORD: 'civic-portal-2026' })).toMatch(/exists/);
    const user = await findUserForSignIn(db, 'root');
    expect(user?.role).toBe('admin');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash, 'civic-portal-2026')).toBe(true);
    expect(await verifyPassword(user!.passwordHash, 'civic-portal-2027')).toBe(false);
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'user.create'));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toContain('civic-portal-2026');
  });

  it('refuses a taken username', async () => {
    await expect(createAdmin(handle.db, { username: 'root', displayName: 'x', password: 'another-pass-1' }, 'test')).rejects.toThrow(/taken/);
  });

  it('ends sessions by bumping the session version', async () => {
    const root = await findUserForSignIn(handle.db, 'root');
    const after = await updateUser(handle.db, root!.id, { displayName: '管理员' }, { endSessions: true });
    expect(after!.sessionVersion).toBe(root!.sessionVersion + 1);
    const unchanged = await updateUser(handle.db, root!.id, { displayName: '管理员甲' }, { endSessions: false });
    expect(unchanged!.sessionVersion).toBe(after!.sessionVersion);
    expect((await findAuthUser(handle.db, root!.id))?.displayName).toBe('管理员甲');
  });

  it('locks an account after ten failures and reports how long to wait', async () => {
    const db = handle.db;
    for (let i = 1; i <= 9; i++) expect((await countEvent(db, POLICIES.signInAccount, 'alice')).limited).toBe(false);
    const tenth = await countEvent(db, POLICIES.signInAccount, 'alice');
    expect(tenth.limited).toBe(true);
    const state = await checkLimit(db, POLICIES.signInAccount, 'alice');
    expect(state).toMatchObject({ limited: true });
    expect(state.limited && state.retryAfterSeconds).toBeGreaterThan(800);
    expect((await checkLimit(db, POLICIES.signInAccount, 'bob')).limited).toBe(false);
    await resetLimit(db, POLICIES.signInAccount, 'alice');
    expect((await checkLimit(db, POLICIES.signInAccount, 'alice')).limited).toBe(false);
  });

  it('starts a new window once the old one has ended', async () => {
    const db = handle.db;
    for (let i = 0; i < 10; i++) await countEvent(db, POLICIES.signInAccount, 'carol');
    await db.update(rateLimits).set({ resetAt: sql`now() - interval '1 second'` }).where(eq(rateLimits.key, 'signin-account:carol'));
    expect((await checkLimit(db, POLICIES.signInAccount, 'carol')).limited).toBe(false);
    expect((await hitCounter(db, 'signin-account:carol', 900)).count).toBe(1);
  });

  it('counts concurrent hits exactly (no lost updates)', async () => {
    const db = handle.db;
    await Promise.all(Array.from({ length: 25 }, () => hitCounter(db, 'burst', 60)));
    const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, 'burst'));
    expect(row?.count).toBe(25);
  });

  it('counts sign-in attempts atomically, so parallel guesses beyond the limit are refused', async () => {
    const attempts = await Promise.all(Array.from({ length: 14 }, () => countAttempt(handle.db, POLICIES.signInAccount, 'dave')));
    const refused = attempts.filter((a) => a.count > a.limit);
    expect(refused).toHaveLength(4);
    await releaseAttempt(handle.db, POLICIES.signInAccount, 'dave');
    expect((await countAttempt(handle.db, POLICIES.signInAccount, 'dave')).count).toBe(14);
  });

  it('lets public forms consume attempts up to the limit', async () => {
    const policy = { name: 'form-test', limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await consumeAttempt(handle.db, policy, '10.0.0.1')).limited);
    expect(results).toEqual([false, false, false, true]);
  });
});
