'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, SubmitButton } from '../../../_components/form-fields';
import { signOutEverywhere } from './actions';

/** 退出所有设备: ends every session of the signed-in account, this browser's included. */
export function SignOutEverywhereForm() {
  const [state, action] = useActionState(signOutEverywhere, {} as ActionState);
  return (
    <form action={action} className="max-w-sm space-y-3">
      <input type="hidden" name="scope" value="all-devices" />
      <SubmitButton tone="danger">退出所有设备</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
