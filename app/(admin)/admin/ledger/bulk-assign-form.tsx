'use client';

// 批量交办: the list's table (rendered on the server) inside one plain form; the ticked accepted items go to
// one unit, each with its category's deadline. Works without JavaScript like any form.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, SelectField, SubmitButton, TextField } from '../../../_components/form-fields';
import { bulkAssignIssues } from './actions';

export function BulkAssignForm({ units, children }: { units: { value: string; label: string }[]; children: React.ReactNode }) {
  const [state, action] = useActionState(bulkAssignIssues, {} as ActionState);
  return (
    <form action={action} aria-label="批量交办" className="space-y-3">
      {children}
      <fieldset className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
        <legend className="sr-only">批量交办</legend>
        <p className="text-sm sm:col-span-2 lg:col-span-4">
          <strong>批量交办：</strong>勾选上表中“已受理”的问题，交给同一个责任单位；期限按各问题类别的整改期限和工作日历计算。
        </p>
        {state.fieldErrors?.nos ? (
          <p role="alert" className="text-sm text-brand sm:col-span-2 lg:col-span-4">
            {state.fieldErrors.nos}
          </p>
        ) : null}
        <SelectField state={state} id="bulk-unit" name="unitId" label="责任单位" options={[{ value: '', label: '请选择' }, ...units]} />
        <TextField state={state} id="bulk-note" name="publicNote" label="交办说明（公开，可选）" maxLength={500} />
        <FieldShell id="bulk-urgent" label="紧急程度">
          {(aria) => (
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input {...aria} type="checkbox" name="urgent" value="1" />
              紧急（按小时计算期限）
            </label>
          )}
        </FieldShell>
        <div className="lg:pt-6">
          <SubmitButton>批量交办</SubmitButton>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <FormMessage state={state} success="已交办。" />
        </div>
      </fieldset>
    </form>
  );
}
