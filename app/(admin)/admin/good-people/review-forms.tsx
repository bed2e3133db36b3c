'use client';

// Workflow buttons of one person outside batches, or of a whole batch: submit, approve, reject with a
// reason, take offline with a reason. Each is its own small form bound to a server action.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import type { WorkflowAction } from '@/lib/workflow';
import { FormMessage, inputClass, SubmitButton } from '../../../_components/form-fields';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const FORMS: Partial<Record<WorkflowAction, { button: string; reasonLabel?: string; reasonHint?: string; tone: 'primary' | 'danger' | 'secondary' }>> = {
  submit: { button: '提交审核', tone: 'primary' },
  approve: { button: '审核通过并发布', tone: 'primary' },
  reject: { button: '退回修改', reasonLabel: '退回理由', reasonHint: '编辑将看到此理由', tone: 'danger' },
  takeOffline: { button: '下线', reasonLabel: '下线理由', reasonHint: '下线后公众页面不再显示', tone: 'danger' },
};

export function WorkflowForms({ action, hidden, actions, label }: { action: Action; hidden: Record<string, string | number>; actions: WorkflowAction[]; label: string }) {
  const shown = actions.filter((a) => FORMS[a]);
  if (shown.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={label} role="group">
      {shown.map((a) => (
        <WorkflowForm key={a} action={action} hidden={hidden} workflow={a} />
      ))}
    </div>
  );
}

function WorkflowForm({ action, hidden, workflow }: { action: Action; hidden: Record<string, string | number>; workflow: WorkflowAction }) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const form = FORMS[workflow]!;
  const reasonId = `workflow-${workflow}-reason`;
  const error = state.fieldErrors?.reason;
  return (
    <form action={formAction} aria-label={form.button} className="space-y-2 rounded border border-line p-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="action" value={workflow} />
      {form.reasonLabel && (
        <div>
          <label htmlFor={reasonId} className="block text-sm font-medium">
            {form.reasonLabel}
          </label>
          <textarea
            id={reasonId}
            name="reason"
            rows={2}
            required
            maxLength={500}
            defaultValue={state.values?.reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${reasonId}-hint${error ? ` ${reasonId}-error` : ''}`}
            className={inputClass}
          />
          <p id={`${reasonId}-hint`} className="mt-1 text-xs text-muted">
            {form.reasonHint}
          </p>
          {error && (
            <p id={`${reasonId}-error`} className="mt-1 text-sm text-brand">
              {error}
            </p>
          )}
        </div>
      )}
      <SubmitButton tone={form.tone} pendingText="处理中…">
        {form.button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
