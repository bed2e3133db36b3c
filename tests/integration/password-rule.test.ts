// Issue 15: weak passwords such as password12 and aaaaaaaaa1 were accepted. Every place that sets a
// password refuses short, common and guessable ones and ones containing the username, with a Chinese
// message next to the field, and changes nothing: an administrator creating a user or resetting one,
// a user changing their own, and the first administrator from the environment.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { findAuthUser, findUserForSignIn, insertUser, usernameTaken, type AuthUser } from '@/db/queries/users';
import { changeOwnPassword } from '@/app/(admin)/admin/account/actions';
import { createUser, resetUserPassword } from '@/app/(admin)/admin/users/actions';
import type { ActionState } from '@/server/actions';
import { createAdmin } from '@/server/bootstrap';
import { hashPassword, verifyPassword } from '@/server/passwords';
import { engine, freshDatabase } from './helpers';

const ctx = vi.hoisted(() => ({ db: null as unknown, user: null as unknown }));
vi.mock('@/server/auth', () => ({ currentUser: async () => ctx.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.40' }) }));
vi.mock('@/db/client', async (original) => ({ ...(await original<typeof import('@/db/client')>()), getDb: async () => ctx.db }));

const PASSWORD = 'Lantern-river-4729';
const WEAK = ['password12', 'aaaaaaaaa1', 'password1234', 'aaaaaaaaaaa1', 'qwertyuiop12'];
let handle: DbHandle;
let admin: AuthUser;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}
const run = (action: (s: ActionState, f: FormData) => Promise<ActionState>, fields: Record<string, string>) => action({}, form(fields));
const passwordError = (state: ActionState) => state.fieldErrors?.password ?? '';

beforeAll(async () => {
  handle = await freshDatabase();
  ctx.db = handle.db;
  const id = (await insertUser(handle.db, { username: 'pw-admin', displayName: '密码管理员', role: 'admin', passwordHash: await hashPassword(PASSWORD) })).id;
  admin = (await findAuthUser(handle.db, id))!;
  ctx.user = admin;
});
afterAll(async () => {
  await handle.close();
});

describe(`every password that is set follows the rule (${engine})`, () => {
  it('an administrator cannot create a user with a weak password or one holding the username', async () => {
    for (const password of WEAK) {
      const state = await run(createUser, { username: 'pw-new', displayName: '新编辑', role: 'editor', password });
      expect(passwordError(state), password).toMatch(/密码至少12位|太容易被猜中/);
    }
    expect(passwordError(await run(createUser, { username: 'zhangwei', displayName: '张伟', role: 'editor', password: 'zhangwei-Lantern-4729' }))).toBe('密码不能包含用户名');
    expect(await usernameTaken(handle.db, 'pw-new')).toBe(false);
    expect(await usernameTaken(handle.db, 'zhangwei')).toBe(false);
    expect(await run(createUser, { username: 'pw-new', displayName: '新编辑', role: 'editor', password: PASSWORD })).toMatchObject({ ok: true });
  });

  it("an administrator cannot reset a user's password to a weak one or one holding their username", async () => {
    const target = await findUserForSignIn(handle.db, 'pw-new');
    for (const password of [...WEAK, 'pw-new-Lantern-4729']) {
      expect(passwordError(await run(resetUserPassword, { id: String(target!.id), password })), password).not.toBe('');
    }
    expect(passwordError(await run(resetUserPassword, { id: String(target!.id), password: 'PW-NEW-river-4729' }))).toBe('密码不能包含用户名');
    const after = await findUserForSignIn(handle.db, 'pw-new');
    expect(await verifyPassword(after!.passwordHash, PASSWORD)).toBe(true);
  });

  it('a user cannot change their own password to a weak one or one holding their username', async () => {
    for (const password of [...WEAK, 'pw-admin-Willow-8153']) {
      const state = await run(changeOwnPassword, { current: PASSWORD, password, confirm: password });
      expect(passwordError(state), password).not.toBe('');
    }
    const after = await findUserForSignIn(handle.db, 'pw-admin');
    expect(await verifyPassword(after!.passwordHash, PASSWORD)).toBe(true);
  });

  it('the first administrator from the environment is refused a weak password', async () => {
    await expect(createAdmin(handle.db, { username: 'root2', displayName: 'x', password: 'password12' }, 'test')).rejects.toThrow(/Password refused: 密码至少12位/);
    await expect(createAdmin(handle.db, { username: 'root2', displayName: 'x', password: 'aaaaaaaaaaa1' }, 'test')).rejects.toThrow(/Password refused/);
    await expect(createAdmin(handle.db, { username: 'root2', displayName: 'x', password: 'root2-Lantern-4729' }, 'test')).rejects.toThrow(/密码不能包含用户名/);
    expect(await usernameTaken(handle.db, 'root2')).toBe(false);
  });
});
