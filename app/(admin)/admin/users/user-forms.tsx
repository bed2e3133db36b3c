'use client';

import { useActionState } from 'react';
import { PASSWORD_HINT } from '@/lib/password-hint';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, SelectField, SubmitButton, TextField, inputClass } from '../../../_components/form-fields';
import { createUser, resetUserPassword, setUserDisabled, signOutUserEverywhere, updateUserProfile } from './actions';

const ROLE_OPTIONS = [
  { value: 'editor', label: '编辑' },
  { value: 'reviewer', label: '审核' },
  { value: 'admin', label: '管理员' },
  { value: 'unit', label: '单位经办人' },
];

export type UnitOption = { value: string; label: string };
const UNIT_HINT = '仅“单位经办人”需要选择：只能查看和办理该单位的问题';

export function CreateUserForm({ units, unitId }: { units: UnitOption[]; unitId?: string }) {
  const [state, action] = useActionState(createUser, {} as ActionState);
  return (
    <form action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-start" key={state.ok ? 'done' : 'editing'}>
      <TextField state={state} name="username" label="用户名" required autoComplete="off" />
      <TextField state={state} name="displayName" label="姓名" required />
      <SelectField state={state} name="role" label="角色" options={ROLE_OPTIONS} defaultValue={unitId ? 'unit' : 'editor'} />
      <UnitSelect state={state} id="field-unitId" units={units} defaultValue={unitId ?? ''} />
      <TextField state={state} name="password" label="初始密码" type="password" required hint={PASSWORD_HINT} autoComplete="new-password" />
      <div className="lg:pt-6">
        <SubmitButton>新建用户</SubmitButton>
      </div>
      <div className="sm:col-span-2 lg:col-span-6">
        <FormMessage state={state} success="用户已创建。" />
      </div>
    </form>
  );
}

function UnitSelect({ state, id, units, defaultValue }: { state: ActionState; id: string; units: UnitOption[]; defaultValue: string }) {
  return (
    <FieldShell id={id} label="所属单位" hint={UNIT_HINT} error={state.fieldErrors?.unitId}>
      {(aria) => (
        <select {...aria} key={state.values?.unitId ?? defaultValue} name="unitId" defaultValue={state.values?.unitId ?? defaultValue} className={inputClass}>
          <option value="">（不属于单位）</option>
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type Row = { id: number; username: string; displayName: string; role: string; disabled: boolean; unitId: number | null };

export function UserRowForms({ user, isSelf, units }: { user: Row; isSelf: boolean; units: UnitOption[] }) {
  const [profile, profileAction] = useActionState(updateUserProfile, {} as ActionState);
  const [toggle, toggleAction] = useActionState(setUserDisabled, {} as ActionState);
  const [reset, resetAction] = useActionState(resetUserPassword, {} as ActionState);
  const [sessions, sessionsAction] = useActionState(signOutUserEverywhere, {} as ActionState);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      <form action={profileAction} className="space-y-2" aria-label={`修改 ${user.username} 的资料`}>
        <input type="hidden" name="id" value={user.id} />
        <TextField state={profile} name="displayName" label="姓名" defaultValue={user.displayName} required />
        <SelectField state={profile} name="role" label="角色" options={ROLE_OPTIONS} defaultValue={user.role} id={`user-${user.id}-role`} />
        <UnitSelect state={profile} id={`user-${user.id}-unit`} units={units} defaultValue={user.unitId ? String(user.unitId) : ''} />
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
