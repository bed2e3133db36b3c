'use client';

import { useActionState } from 'react';
import { PASSWORD_HINT } from '@/lib/password-hint';
import type { ActionState } from '@/server/actions';
import { FormMessage, SubmitButton, TextField } from '../../../_components/form-fields';
import { changeOwnPassword } from './actions';

export function PasswordForm() {
  const [state, action] = useActionState(changeOwnPassword, {} as ActionState);
  if (state.ok) {
    return (
      <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-800">
        密码已修改，所有登录已失效。请<a href="/login" className="underline">使用新密码重新登录</a>。
      </p>
    );
  }
  return (
    <form action={action} className="max-w-sm space-y-3">
      <TextField state={state} name="current" label="当前密码" type="password" required autoComplete="current-password" />
      <TextField state={state} name="password" label="新密码" type="password" required hint={PASSWORD_HINT} autoComplete="new-password" />
      <TextField state={state} name="confirm" label="确认新密码" type="password" required autoComplete="new-password" />
      <FormMessage state={state} />
      <SubmitButton>修改密码</SubmitButton>
    </form>
  );
}
