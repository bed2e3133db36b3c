'use client';

// Creating a batch, and its workflow buttons (提交审核, 审核通过并发布, 退回修改, 下线, 强制发布). Whoever made,
// filled or submitted the batch sees why they may not approve it (三审三校) instead of the approve button; an
// admin gets the button with a required written reason (audited).
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { OVERRIDE_LABEL, type WorkflowAction } from '@/lib/workflow';
import { FieldShell, FormMessage, SubmitButton, TextField, inputClass } from '../../../_components/form-fields';
import { createCreditBatch, reviewCreditBatch } from './batches/actions';

export function CreateBatchForm({ suggestion }: { suggestion: string }) {
  const [state, action] = useActionState(createCreditBatch, {} as ActionState);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="新建批次">
      <div className="sm:w-80">
        <TextField state={state} name="title" label="批次名称" defaultValue={suggestion} required maxLength={40} hint="如“2026年第5期”，不能与已有批次重名" />
      </div>
      <div className="sm:pt-6">
        <SubmitButton>新建批次</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

const TEXTS: Record<WorkflowAction, { button: string; reason?: string; hint?: string }> = {
  submit: { button: '提交审核' },
  approve: { button: '审核通过并发布', hint: '整批发布：批次中公示期内的条目立即在公众页面显示' },
  reject: { button: '退回修改', reason: '退回理由', hint: '编辑将在批次页看到此理由' },
  takeOffline: { button: '下线', reason: '下线理由', hint: '下线后该批次的条目不再在公众页面显示' },
  forcePublish: { button: '强制发布', reason: '强制发布理由', hint: '管理员不经审核直接发布，理由记入审计日志' },
};

type PanelProps = {
  batchId: number;
  version: number;
  actions: WorkflowAction[];
  /** Why this user may not approve the batch (三审三校), or null. */
  approvalRefusal?: string | null;
  /** An admin may approve anyway with a written reason. */
  mayOverride?: boolean;
};

export function BatchReviewPanel({ batchId, version, actions, approvalRefusal = null, mayOverride = false }: PanelProps) {
  if (actions.length === 0) return <p className="text-sm text-muted">当前状态下您没有可执行的操作。</p>;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {actions.map((a) =>
        a === 'approve' && approvalRefusal && !mayOverride ? (
          <p key={a} role="note" className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            不能审核通过：{approvalRefusal}
          </p>
        ) : (
          <BatchActionForm key={a} batchId={batchId} version={version} action={a} overrideHint={a === 'approve' ? approvalRefusal : null} />
        ),
      )}
    </div>
  );
}

function BatchActionForm({ batchId, version, action, overrideHint }: { batchId: number; version: number; action: WorkflowAction; overrideHint: string | null }) {
  const [state, formAction] = useActionState(reviewCreditBatch, {} as ActionState);
  const text = TEXTS[action];
  return (
    <form action={formAction} className="space-y-2 rounded border border-line p-3" aria-label={text.button}>
      <input type="hidden" name="id" value={batchId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      {text.reason ? (
        <FieldShell id={`batch-${action}-reason`} label={text.reason} required hint={text.hint} error={state.fieldErrors?.reason}>
          {(aria) => <textarea {...aria} name="reason" rows={2} maxLength={500} required defaultValue={state.values?.reason} className={inputClass} />}
        </FieldShell>
      ) : text.hint ? (
        <p className="text-sm text-muted">{text.hint}</p>
      ) : null}
      {overrideHint ? (
        <FieldShell id={`batch-${action}-override`} label={OVERRIDE_LABEL} required hint={overrideHint} error={state.fieldErrors?.overrideReason}>
          {(aria) => <textarea {...aria} name="overrideReason" rows={2} maxLength={500} required defaultValue={state.values?.overrideReason} className={inputClass} />}
        </FieldShell>
      ) : null}
      <SubmitButton tone={action === 'reject' || action === 'takeOffline' || action === 'forcePublish' ? 'danger' : 'primary'} pendingText="处理中…">
        {text.button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
