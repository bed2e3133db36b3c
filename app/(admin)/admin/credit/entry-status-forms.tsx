'use client';

// 移出 / 撤销 (with a reason kept on the entry) and 恢复公示: reviewers' decisions on one entry.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, SubmitButton, inputClass } from '../../../_components/form-fields';
import { changeCreditEntryStatus } from './entries/actions';

type Target = 'removed' | 'revoked' | 'public';
const BUTTONS: Record<Target, { label: string; reason: string; hint: string }> = {
  removed: { label: '移出名单', reason: '移出原因', hint: '如：已完成信用修复。移出后公众页面不再显示，原因和日期保留' },
  revoked: { label: '撤销条目', reason: '撤销原因', hint: '如：认定决定已被依法撤销' },
  public: { label: '恢复公示', reason: '恢复原因（可选）', hint: '恢复后在公示期内重新显示' },
};

export function EntryStatusForms({ id, version, targets }: { id: number; version: number; targets: Target[] }) {
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {targets.map((to) => (
        <StatusForm key={to} id={id} version={version} to={to} />
      ))}
    </div>
  );
}

function StatusForm({ id, version, to }: { id: number; version: number; to: Target }) {
  const [state, action] = useActionState(changeCreditEntryStatus, {} as ActionState);
  const text = BUTTONS[to];
  return (
    <form action={action} className="space-y-2 rounded border border-line p-3" aria-label={text.label}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="to" value={to} />
      <FieldShell id={`status-${to}-reason`} label={text.reason} required={to !== 'public'} hint={text.hint} error={state.fieldErrors?.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={2} maxLength={500} required={to !== 'public'} defaultValue={state.values?.reason} className={inputClass} />}
      </FieldShell>
      <SubmitButton tone={to === 'public' ? 'secondary' : 'danger'} pendingText="处理中…">
        {text.label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
