'use server';

import { z } from 'zod';
import { findUserForSignIn, updateUser } from '@/db/queries/users';
import { guardedAction } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { hashPassword, passwordSchema, verifyPassword } from '@/server/passwords';

export const changeOwnPassword = guardedAction(
  'dashboard.view',
  z
    .object({ current: z.string().min(1, '请输入当前密码'), password: passwordSchema, confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' })
    .refine((v) => v.password !== v.current, { path: ['password'], message: '新密码不能与当前密码相同' }),
  async (input, { db, user }) => {
    const account = await findUserForSignIn(db, user.username);
    if (!account || !(await verifyPassword(account.passwordHash, input.current))) return { fieldErrors: { current: '当前密码不正确' } };
    // Ends every session of this account, this one included: the user signs in again with the new password.
    await updateUser(db, user.id, { passwordHash: await hashPassword(input.password) }, { endSessions: true });
    await recordAudit(db, user, { action: 'user.password_change', entityType: 'user', entityId: user.id, note: 'own password changed; sessions ended' });
    return { ok: true };
  },
);
