'use client';

import { useActionState } from 'react';
import { PASSWORD_HINT } from '@/lib/password-hint';
import type { ActionState } from '@/server/actions';
import { FormMessage, SelectField, SubmitButton, TextField } from '../../../_components/form-fields';
import { createUser, resetUserPassword, setUserDisabled, signOutUserEverywhere, updateUserProfile } from './actions';

const ROLE_OPTIONS = [
  { value: 'editor', label: '编辑' },
  { value: 'reviewer', label: '审核' },
  { value: 'admin', label: '管理员' },
];

export function CreateUserForm() {
  const [state, action] = useActionState(createUser, {} as ActionState);
  return (
    <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-start" key={state.ok ? 'done' : 'editing'}>
      <TextField state={state} name="username" label="用户名" required autoComplete="off" />
      <TextField state={state} name="displayName" label="姓名" required />
      <SelectField state={state} name="role" label="角色" options={ROLE_OPTIONS} defaultValue="editor" />
      <TextField state={state} name="password" label="初始密码" type="password" required hint={PASSWORD_HINT} autoComplete="new-password" />
      <div className="lg:pt-6">
        <SubmitButton>新建用户</SubmitButton>
      </div>
      <div className="sm:col-span-2 lg:col-span-5">
        <FormMessage state={state} success="用户已创建。" />
      </div>
    </form>
  );
}

type Row = { id: number; username: string; displayName: string; role: string; disabled: boolean };

export function UserRowForms({ user, isSelf }: { user: Row; isSelf: boolean }) {
  const [profile, profileAction] = useActionState(updateUserProfile, {} as ActionState);
  const [toggle, toggleAction] = useActionState(setUserDisabled, {} as ActionState);
  const [reset, resetAction] = useActionState(resetUserPassword, {} as ActionState);
  const [sessions, sessionsAction] = useActionState(signOutUserEverywhere, {} as ActionState);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <form action={profileAction} className="space-y-2" aria-label={`修改 ${user.username} 的资料`}>
        <input type="hidden" name="id" value={user.id} />
        <TextField state={profile} name="displayName" label="姓名" defaultValue={user.displayName} required />
        <SelectField state={profile} name="role" label="角色" options={ROLE_OPTIONS} defaultValue={user.role} />
        <SubmitButton tone="secondary">保存资料</SubmitButton>
        <FormMessage state={profile} success="已保存。" />
      </form>
      <form action={resetAction} className="space-y-2" aria-label={`重置 ${user.username} 的密码`} key={reset.ok ? 'reset-done' : 'reset'}>
        <input type="hidden" name="id" value={user.id} />
        <TextField state={reset} name="password" label="新密码" type="password" hint={PASSWORD_HINT} autoComplete="new-password" required />
        <SubmitButton tone="secondary">重置密码</SubmitButton>
        <FormMessage state={reset} success="密码已重置，该用户需重新登录。" />
      </form>
      <form action={toggleAction} className="space-y-2" aria-label={`${user.disabled ? '启用' : '停用'} ${user.username}`}>
        <input type="hidden" name="id" value={user.id} />
        <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
        <p className="text-sm">
          状态：<strong>{user.disabled ? '已停用' : '正常'}</strong>
        </p>
        {!isSelf && <SubmitButton tone={user.disabled ? 'secondary' : 'danger'}>{user.disabled ? '启用账号' : '停用账号'}</SubmitButton>}
        <FormMessage state={toggle} />
      </form>
      <form action={sessionsAction} className="space-y-2 lg:col-start-3" aria-label={`${user.username} 退出所有设备`}>
        <input type="hidden" name="id" value={user.id} />
        <p className="text-sm text-muted">账号可能被他人使用时：结束该用户在所有设备上的登录。</p>
        <SubmitButton tone="secondary">退出所有设备</SubmitButton>
        <FormMessage state={sessions} success="该用户已在所有设备上退出登录。" />
      </form>
    </div>
  );
}
