'use server';
// User management (admins only). Each change and its audit entry are written in one transaction; a
// change that could leave no enabled administrator first locks the administrators' rows, so two such
// changes at once (two admins demoting each other) run one after the other and the second is refused.

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findAuthUserForUpdate, insertUser, lockActiveAdmins, updateUser, usernameTaken } from '@/db/queries/users';
import { userRole } from '@/db/schema';
import { guardedAction, type ActionState } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { usernameSchema } from '@/server/bootstrap';
import { hashPassword, passwordProblem, passwordSchema } from '@/server/passwords';

const displayName = z.string().trim().min(1, '请填写姓名').max(20, '姓名不超过20个字');
const role = z.enum(userRole.enumValues, { error: '请选择角色' });
const userId = z.coerce.number().int().positive();
const NOT_FOUND: ActionState = { message: '用户不存在或已被删除。' };

export const createUser = guardedAction(
  'users.manage',
  z.object({ username: usernameSchema, displayName, role, password: passwordSchema }).superRefine((input, context) => {
    const problem = passwordProblem(input.password, input);
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
  }),
  async (input, { db, user }) => {
    const passwordHash = await hashPassword(input.password);
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      if (await usernameTaken(tx, input.username)) return { fieldErrors: { username: '该用户名已被使用' }, values: { ...input, password: '' } };
      const created = await insertUser(tx, { username: input.username, displayName: input.displayName, role: input.role, passwordHash });
      await recordAudit(tx, user, { action: 'user.create', entityType: 'user', entityId: created.id, after: { username: created.username, displayName: created.displayName, role: created.role } });
      return { ok: true, message: undefined };
    });
    if (result.ok) revalidatePath('/admin/users');
    return result;
  },
);

export const updateUserProfile = guardedAction(
  'users.manage',
  z.object({ id: userId, displayName, role }),
  async (input, { db, user }) => {
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const admins = await lockActiveAdmins(tx);
      const before = await findAuthUserForUpdate(tx, input.id);
      if (!before) return NOT_FOUND;
      if (before.role === 'admin' && input.role !== 'admin' && !before.disabled && admins.filter((id) => id !== before.id).length === 0) {
        return { fieldErrors: { role: '至少需要保留一名启用的管理员' } };
      }
      const after = await updateUser(tx, input.id, { displayName: input.displayName, role: input.role }, { endSessions: before.role !== input.role });
      const diff = changedFields(before, after!);
      if (Object.keys(diff.after).length > 0) await recordAudit(tx, user, { action: 'user.update', entityType: 'user', entityId: input.id, ...diff });
      return { ok: true };
    });
    revalidatePath('/admin/users');
    return result;
  },
);

export const setUserDisabled = guardedAction(
  'users.manage',
  z.object({ id: userId, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  async (input, { db, user }) => {
    if (input.disabled && input.id === user.id) return { message: '不能停用自己的账号。' };
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const admins = await lockActiveAdmins(tx);
      const before = await findAuthUserForUpdate(tx, input.id);
      if (!before) return NOT_FOUND;
      if (input.disabled && before.role === 'admin' && admins.filter((id) => id !== before.id).length === 0) return { message: '至少需要保留一名启用的管理员。' };
      await updateUser(tx, input.id, { disabled: input.disabled }, { endSessions: true });
      await recordAudit(tx, user, { action: input.disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: input.id, before: { disabled: before.disabled }, after: { disabled: input.disabled } });
      return { ok: true };
    });
    revalidatePath('/admin/users');
    return result;
  },
);

export const resetUserPassword = guardedAction(
  'users.manage',
  z.object({ id: userId, password: passwordSchema }),
  async (input, { db, user }) => {
    const passwordHash = await hashPassword(input.password);
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const target = await findAuthUserForUpdate(tx, input.id);
      if (!target) return NOT_FOUND;
      const problem = passwordProblem(input.password, target);
      if (problem) return { fieldErrors: { password: problem } };
      await updateUser(tx, input.id, { passwordHash }, { endSessions: true });
      await recordAudit(tx, user, { action: 'user.password_reset', entityType: 'user', entityId: input.id, note: 'password reset by an administrator; sessions ended' });
      return { ok: true };
    });
    revalidatePath('/admin/users');
    return result;
  },
);

/** 退出所有设备 for a user: every session of theirs ends at once (their session version moves on). */
export const signOutUserEverywhere = guardedAction(
  'users.manage',
  z.object({ id: userId }),
  async (input, { db, user }) => {
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const target = await findAuthUserForUpdate(tx, input.id);
      if (!target) return NOT_FOUND;
      await updateUser(tx, input.id, {}, { endSessions: true });
      await recordAudit(tx, user, { action: 'user.signout_all', entityType: 'user', entityId: input.id, note: target.id === user.id ? 'signed out on every device by the user' : 'signed out on every device by an administrator' });
      return { ok: true };
    });
    // Signing oneself out everywhere ends this session too.
    if (result.ok && input.id === user.id) redirect('/login?error=SignedOutEverywhere');
    revalidatePath('/admin/users');
    return result;
  },
);
