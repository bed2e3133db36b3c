'use client';

// Workflow buttons of one person outside batches, or of a whole batch: submit, approve, reject with a
// reason, take offline with a reason. Each is its own small form bound to a server action. Whoever wrote,
// last changed or submitted what is under review sees why they may not approve it (三审三校) instead of the
// approve button; an admin gets the button with a required written reason (audited).
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { OVERRIDE_LABEL, type WorkflowAction } from '@/lib/workflow';
import { FormMessage, SubmitButton, TextAreaField } from '../../../_components/form-fields';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const FORMS: Partial<Record<WorkflowAction, { button: string; reasonLabel?: string; reasonHint?: string; tone: 'primary' | 'danger' | 'secondary' }>> = {
  submit: { button: '提交审核', tone: 'primary' },
  approve: { button: '审核通过并发布', tone: 'primary' },
  reject: { button: '退回修改', reasonLabel: '退回理由', reasonHint: '编辑将看到此理由', tone: 'danger' },
  takeOffline: { button: '下线', reasonLabel: '下线理由', reasonHint: '下线后公众页面不再显示', tone: 'danger' },
};

type Props = {
  action: Action;
  hidden: Record<string, string | number>;
  actions: WorkflowAction[];
  label: string;
  /** Why this user may not approve (三审三校), or null. */
  approvalRefusal?: string | null;
  /** An admin may approve anyway with a written reason. */
  mayOverride?: boolean;
};

export function WorkflowForms({ action, hidden, actions, label, approvalRefusal = null, mayOverride = false }: Props) {
  const shown = actions.filter((a) => FORMS[a]);
  if (shown.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={label} role="group">
      {shown.map((a) =>
        a === 'approve' && approvalRefusal && !mayOverride ? (
          <p key={a} role="note" className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            不能审核通过：{approvalRefusal}
          </p>
        ) : (
          <WorkflowForm key={a} action={action} hidden={hidden} workflow={a} overrideHint={a === 'approve' ? approvalRefusal : null} />
        ),
      )}
    </div>
  );
}

function WorkflowForm({ action, hidden, workflow, overrideHint }: { action: Action; hidden: Record<string, string | number>; workflow: WorkflowAction; overrideHint: string | null }) {
  const [state, formAction] = useActionState(action, {} as ActionState);
  const form = FORMS[workflow]!;
  const reasonId = `workflow-${workflow}-reason`;
  const overrideId = `workflow-${workflow}-override`;
  return (
    <form action={formAction} aria-label={form.button} className="space-y-2 rounded border border-line p-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="action" value={workflow} />
      {form.reasonLabel && <TextAreaField state={state} name="reason" id={reasonId} label={form.reasonLabel} rows={2} required hint={form.reasonHint} />}
      {overrideHint && <TextAreaField state={state} name="overrideReason" id={overrideId} label={OVERRIDE_LABEL} rows={2} required hint={overrideHint} />}
      <SubmitButton tone={form.tone} pendingText="处理中…">
        {form.button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
