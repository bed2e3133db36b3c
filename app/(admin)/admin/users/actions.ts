'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { countActiveAdmins, findAuthUser, insertUser, updateUser, usernameTaken } from '@/db/queries/users';
import { userRole } from '@/db/schema';
import { guardedAction } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { usernameSchema } from '@/server/bootstrap';
import { hashPassword, passwordSchema } from '@/server/passwords';

const displayName = z.string().trim().min(1, '请填写姓名').max(20, '姓名不超过20个字');
const role = z.enum(userRole.enumValues, { error: '请选择角色' });
const userId = z.coerce.number().int().positive();

export const createUser = guardedAction(
  'users.manage',
  z.object({ username: usernameSchema, displayName, role, password: passwordSchema }),
  async (input, { db, user }) => {
    if (await usernameTaken(db, input.username)) return { fieldErrors: { username: '该用户名已被使用' }, values: { ...input, password: '' } };
    const created = await insertUser(db, { username: input.username, displayName: input.displayName, role: input.role, passwordHash: await hashPassword(input.password) });
    await recordAudit(db, user, { action: 'user.create', entityType: 'user', entityId: created.id, after: { username: created.username, displayName: created.displayName, role: created.role } });
    revalidatePath('/admin/users');
    return { ok: true, message: undefined };
  },
);

export const updateUserProfile = guardedAction(
  'users.manage',
  z.object({ id: userId, displayName, role }),
  async (input, { db, user }) => {
    const before = await findAuthUser(db, input.id);
    if (!before) return { message: '用户不存在或已被删除。' };
    if (before.role === 'admin' && input.role !== 'admin' && !before.disabled && (await countActiveAdmins(db)) <= 1) {
      return { fieldErrors: { role: '至少需要保留一名启用的管理员' } };
    }
    const after = await updateUser(db, input.id, { displayName: input.displayName, role: input.role }, { endSessions: before.role !== input.role });
    const diff = changedFields(before, after!);
    if (Object.keys(diff.after).length > 0) await recordAudit(db, user, { action: 'user.update', entityType: 'user', entityId: input.id, ...diff });
    revalidatePath('/admin/users');
  },
);

export const setUserDisabled = guardedAction(
  'users.manage',
  z.object({ id: userId, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  async (input, { db, user }) => {
    const before = await findAuthUser(db, input.id);
    if (!before) return { message: '用户不存在或已被删除。' };
    if (input.disabled && before.id === user.id) return { message: '不能停用自己的账号。' };
    if (input.disabled && before.role === 'admin' && (await countActiveAdmins(db)) <= 1) return { message: '至少需要保留一名启用的管理员。' };
    await updateUser(db, input.id, { disabled: input.disabled }, { endSessions: true });
    await recordAudit(db, user, { action: input.disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: input.id, before: { disabled: before.disabled }, after: { disabled: input.disabled } });
    revalidatePath('/admin/users');
  },
);

export const resetUserPassword = guardedAction(
  'users.manage',
  z.object({ id: userId, password: passwordSchema }),
  async (input, { db, user }) => {
    const target = await findAuthUser(db, input.id);
    if (!target) return { message: '用户不存在或已被删除。' };
    await updateUser(db, input.id, { passwordHash: await hashPassword(input.password) }, { endSessions: true });
    await recordAudit(db, user, { action: 'user.password_reset', entityType: 'user', entityId: input.id, note: 'password reset by an administrator; sessions ended' });
    revalidatePath('/admin/users');
  },
);
