'use server';
// The signed-in user's own account: change the password (its current-password check is counted by the
// sign-in limiter), and sign out on every device.

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findUserForSignIn, updateUser } from '@/db/queries/users';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { hashPassword, passwordProblem, passwordSchema, verifyPassword } from '@/server/passwords';
import { POLICIES, countAttempt, resetLimit, waitText } from '@/server/rate-limit';

const lockedMessage = (seconds: number) => `当前密码输错次数过多，账号已临时锁定。请 ${waitText(seconds)}后再试，或联系管理员。`;

export const changeOwnPassword = guardedAction(
  'dashboard.view',
  z
    .object({ current: z.string().min(1, '请输入当前密码'), password: passwordSchema, confirm: z.string() })
    .refine((v) => v.password === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' })
    .refine((v) => v.password !== v.current, { path: ['password'], message: '新密码不能与当前密码相同' }),
  async (input, { db, user }): Promise<ActionState> => {
    // Judged before the current password is checked: it tells nothing about that one.
    const problem = passwordProblem(input.password, user);
    if (problem) return { fieldErrors: { password: problem } };
    // The current-password check is a password oracle: it is counted on the account's sign-in counter
    // (the same atomic limiter and threshold as the sign-in form, and one budget for both), before the
    // password is checked, and refused while the account is locked, even with the right password.
    const attempt = await countAttempt(db, POLICIES.signInAccount, user.username);
    if (attempt.count > attempt.limit) {
      await recordAudit(db, user, { action: 'user.password_change_refused', entityType: 'user', entityId: user.id, note: 'locked (too many attempts)' });
      return { fieldErrors: { current: lockedMessage(attempt.retryAfterSeconds) } };
    }
    const account = await findUserForSignIn(db, user.username);
    if (!account || !(await verifyPassword(account.passwordHash, input.current))) {
      const locks = attempt.count >= attempt.limit;
      await recordAudit(db, user, { action: 'user.password_change_failed', entityType: 'user', entityId: user.id, note: locks ? 'wrong current password; account locked' : 'wrong current password' });
      return { fieldErrors: { current: locks ? lockedMessage(attempt.retryAfterSeconds) : '当前密码不正确' } };
    }
    const passwordHash = await hashPassword(input.password);
    await db.transaction(async (tx) => {
      // Ends every session of this account, this one included: the user signs in again with the new password.
      await updateUser(tx, user.id, { passwordHash }, { endSessions: true });
      await recordAudit(tx, user, { action: 'user.password_change', entityType: 'user', entityId: user.id, note: 'own password changed; sessions ended' });
    });
    await resetLimit(db, POLICIES.signInAccount, user.username);
    return { ok: true };
  },
);

/** 退出所有设备: every session of this account ends, this one included (the session version moves on). */
export const signOutEverywhere = guardedAction(
  'dashboard.view',
  // A deliberate confirmation field: an empty or replayed form without it changes nothing.
  z.object({ scope: z.literal('all-devices', { error: '请确认退出所有设备' }) }),
  async (_input, { db, user }) => {
    await db.transaction(async (tx) => {
      await updateUser(tx, user.id, {}, { endSessions: true });
      await recordAudit(tx, user, { action: 'user.signout_all', entityType: 'user', entityId: user.id, note: 'signed out on every device by the user' });
    });
    redirect('/login?error=SignedOutEverywhere');
  },
);
