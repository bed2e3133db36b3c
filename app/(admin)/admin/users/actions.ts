'use server';
// User management (admins only). Each change and its audit entry are written in one transaction; a
// change that could leave no enabled administrator first locks the administrators' rows, so two such
// changes at once (two admins demoting each other) run one after the other and the second is refused.

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findAuthUserForUpdate, insertUser, lockActiveAdmins, updateUser, usernameTaken } from '@/db/queries/users';
import type { Db } from '@/db/client';
import { findUnitForEdit } from '@/db/queries/ledger/staff-extra';
import { userRole } from '@/db/schema';
import { guardedAction, type ActionState } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { usernameSchema } from '@/server/bootstrap';
import { hashPassword, passwordProblem, passwordSchema } from '@/server/passwords';

const displayName = z.string().trim().min(1, '请填写姓名').max(20, '姓名不超过20个字');
const role = z.enum(userRole.enumValues, { error: '请选择角色' });
const userId = z.coerce.number().int().positive();
// A 单位经办人 is bound to one unit; every other role to none (the database checks the same rule).
const unitId = z
  .string()
  .optional()
  .default('')
  .refine((v) => v === '' || /^\d{1,9}$/.test(v), '请选择所属单位')
  .transform((v) => (v === '' ? null : Number(v)));
function unitRule(input: { role: string; unitId: number | null }, context: z.RefinementCtx) {
  if (input.role === 'unit' && input.unitId === null) context.addIssue({ code: 'custom', path: ['unitId'], message: '单位经办人须选择所属单位' });
  if (input.role !== 'unit' && input.unitId !== null) context.addIssue({ code: 'custom', path: ['unitId'], message: '只有单位经办人属于单位：请把角色改为“单位经办人”，或把所属单位留空' });
}
async function unitRefusal(db: Db, id: number | null): Promise<Record<string, string> | null> {
  if (id === null) return null;
  const unit = await findUnitForEdit(db, id);
  return unit?.active ? null : { unitId: '该单位不存在或已停用，请重新选择' };
}
const NOT_FOUND: ActionState = { message: '用户不存在或已被删除。' };

export const createUser = guardedAction(
  'users.manage',
  z.object({ username: usernameSchema, displayName, role, unitId, password: passwordSchema }).superRefine((input, context) => {
    const problem = passwordProblem(input.password, input);
    if (problem) context.addIssue({ code: 'custom', path: ['password'], message: problem });
    unitRule(input, context);
  }),
  async (input, { db, user, values }) => {
    const passwordHash = await hashPassword(input.password);
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const echo = { ...values, password: '' };
      if (await usernameTaken(tx, input.username)) return { fieldErrors: { username: '该用户名已被使用' }, values: echo };
      const badUnit = await unitRefusal(tx, input.unitId);
      if (badUnit) return { fieldErrors: badUnit, values: echo };
      const created = await insertUser(tx, { username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, passwordHash });
      await recordAudit(tx, user, { action: 'user.create', entityType: 'user', entityId: created.id, after: { username: created.username, displayName: created.displayName, role: created.role, ...(created.unitId ? { unitId: created.unitId } : {}) } });
      return { ok: true, message: undefined };
    });
    if (result.ok) revalidatePath('/admin/users');
    return result;
  },
);

export const updateUserProfile = guardedAction(
  'users.manage',
  z.object({ id: userId, displayName, role, unitId }).superRefine(unitRule),
  async (input, { db, user }) => {
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const badUnit = await unitRefusal(tx, input.unitId);
      if (badUnit) return { fieldErrors: badUnit };
      const admins = await lockActiveAdmins(tx);
      const before = await findAuthUserForUpdate(tx, input.id);
      if (!before) return NOT_FOUND;
      if (before.role === 'admin' && input.role !== 'admin' && !before.disabled && admins.filter((id) => id !== before.id).length === 0) {
        return { fieldErrors: { role: '至少需要保留一名启用的管理员' } };
      }
      // A handler moved to another unit loses the old unit's items at once: sessions end as on a role change.
      const after = await updateUser(tx, input.id, { displayName: input.displayName, role: input.role, unitId: input.unitId }, { endSessions: before.role !== input.role || before.unitId !== input.unitId });
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
