// User management on both engines: each change is written together with its audit entry (one
// transaction), and changes that could leave no enabled administrator cannot do so even when they
// arrive at the same moment (two admins demoting or disabling each other).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { findAuthUser, findUserForSignIn, insertUser, updateUser, type AuthUser } from '@/db/queries/users';
import { auditLog, users } from '@/db/schema';
import { createUser, resetUserPassword, setUserDisabled, signOutUserEverywhere, updateUserProfile } from '@/app/(admin)/admin/users/actions';
import type { ActionState } from '@/server/actions';
import { hashPassword, verifyPassword } from '@/server/passwords';
import { engine, freshDatabase } from './helpers';

const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as unknown, failAudit: false }));
vi.mock('@/server/auth', () => ({ currentUser: async () => ctx.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => ctx.db }));
// An audit write that fails (a full disk, a lost connection) after the change itself was written.
vi.mock('@/server/audit', async (original) => {
  const real = await original<typeof import('@/server/audit')>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      await real.recordAudit(...args);
      if (ctx.failAudit) throw new Error('audit write failed (test)');
    },
  };
});

const PASSWORD = 'Lantern-river-4729';
const FAILED = '保存失败，请稍后重试。如问题持续，请联系管理员。';
let handle: DbHandle;
let actor: AuthUser;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const run = (action: (s: ActionState, f: FormData) => Promise<ActionState>, fields: Record<string, string>) => action({}, form(fields));

async function newUser(username: string, role: 'editor' | 'reviewer' | 'admin') {
  return (await insertUser(handle.db, { username, displayName: username, role, passwordHash: await hashPassword(PASSWORD) })).id;
}

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
  // The acting administrator is disabled in the database, so only the admins a test creates count as
  // enabled ones; the guard is mocked and lets it act.
  const id = await newUser('acting-admin', 'admin');
  await updateUser(handle.db, id, { disabled: true }, { endSessions: false });
  actor = { ...(await findAuthUser(handle.db, id))!, disabled: false };
  ctx.user = actor;
});
afterAll(async () => {
  await handle.close();
});
beforeEach(() => {
  ctx.failAudit = false;
});

describe(`user changes and their audit entries are one write (${engine})`, () => {
  it('leaves everything as it was when the audit entry cannot be written', async () => {
    const id = await newUser('tx-editor', 'editor');
    const before = await findUserForSignIn(handle.db, 'tx-editor');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    ctx.failAudit = true;
    expect(await run(updateUserProfile, { id: String(id), displayName: '改过的名字', role: 'reviewer' })).toMatchObject({ message: FAILED });
    expect(await run(setUserDisabled, { id: String(id), disabled: 'true' })).toMatchObject({ message: FAILED });
    expect(await run(resetUserPassword, { id: String(id), password: 'Another-pass-2026x' })).toMatchObject({ message: FAILED });
    expect(await run(signOutUserEverywhere, { id: String(id) })).toMatchObject({ message: FAILED });
    expect(await run(createUser, { username: 'tx-created', displayName: '新用户', role: 'editor', password: PASSWORD })).toMatchObject({ message: FAILED });
    expect(logged).toHaveBeenCalledTimes(5);
    logged.mockRestore();

    expect(await findUserForSignIn(handle.db, 'tx-editor')).toEqual(before);
    expect(await verifyPassword(before!.passwordHash, PASSWORD)).toBe(true);
    expect(await findUserForSignIn(handle.db, 'tx-created')).toBeNull();
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.entityId, String(id)))).toEqual([]);

    ctx.failAudit = false;
    expect(await run(updateUserProfile, { id: String(id), displayName: '改过的名字', role: 'reviewer' })).toMatchObject({ ok: true });
    expect(await findAuthUser(handle.db, id)).toMatchObject({ displayName: '改过的名字', role: 'reviewer', sessionVersion: before!.sessionVersion + 1 });
    expect(await handle.db.select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(id)))).toEqual([{ a: 'user.update' }]);
  });
});

describe(`the last enabled administrator stays, whatever arrives at once (${engine})`, () => {
  const enabledAdmins = async () => (await handle.db.select({ id: users.id, role: users.role, disabled: users.disabled }).from(users)).filter((u) => u.role === 'admin' && !u.disabled);
  let a: number;
  let b: number;

  beforeAll(async () => {
    a = await newUser('race-a', 'admin');
    b = await newUser('race-b', 'admin');
  });
  beforeEach(async () => {
    for (const id of [a, b]) await updateUser(handle.db, id, { role: 'admin', disabled: false }, { endSessions: false });
    expect(await enabledAdmins()).toHaveLength(2);
  });

  const demote = (id: number) => run(updateUserProfile, { id: String(id), displayName: `admin-${id}`, role: 'editor' });
  const disable = (id: number) => run(setUserDisabled, { id: String(id), disabled: 'true' });

  for (const [label, first, second] of [
    ['two demotions', demote, demote],
    ['two disablements', disable, disable],
    ['a demotion and a disablement', demote, disable],
  ] as const) {
    it(`refuses one of ${label} of the last two admins sent together`, async () => {
      for (let round = 0; round < 4; round++) {
        if (round > 0) for (const id of [a, b]) await updateUser(handle.db, id, { role: 'admin', disabled: false }, { endSessions: false });
        const answers = await Promise.all([first(a), second(b)]);
        expect(answers.filter((r) => r.ok), JSON.stringify(answers)).toHaveLength(1);
        const refused = answers.find((r) => !r.ok)!;
        expect(refused.fieldErrors?.role ?? refused.message).toMatch(/至少需要保留一名启用的管理员/);
        expect(await enabledAdmins(), `round ${round}`).toHaveLength(1);
      }
    });
  }

  it('still lets an admin be demoted while another enabled admin remains', async () => {
    expect(await demote(a)).toMatchObject({ ok: true });
    expect(await demote(b)).toMatchObject({ fieldErrors: { role: '至少需要保留一名启用的管理员' } });
    expect(await disable(b)).toMatchObject({ message: '至少需要保留一名启用的管理员。' });
    expect(await enabledAdmins()).toEqual([{ id: b, role: 'admin', disabled: false }]);
  });
});
