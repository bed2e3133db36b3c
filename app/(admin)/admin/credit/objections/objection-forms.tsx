'use client';

// The workflow step forms on an objection's page: 受理, 核实通过 / 核实未通过, 完成 (with the outcome of a
// passed objection: modify chosen fields of the entry, or remove it from the list).
import { useActionState, useState } from 'react';
import type { ActionState } from '@/server/actions';
import type { ObjectionAction } from '@/lib/objection-workflow';
import { FieldShell, FormMessage, SubmitButton, TextField, inputClass } from '../../../../_components/form-fields';
import { PiiMaskOption } from '../../../../_components/pii-mask-option';
import { moveCreditObjection } from './actions';

export type EntryFields = { version: number; name: string; reason: string; amount: string; authority: string; basisDoc: string; publicationEnd: string; publicationEndReason: string };

const TEXTS: Record<ObjectionAction, { button: string; note: string; hint: string; required: boolean }> = {
  accept: { button: '受理', note: '受理意见（可选）', hint: '申请人可在进度查询中看到', required: false },
  pass: { button: '核实通过', note: '核实意见', hint: '申请人可在进度查询中看到', required: true },
  fail: { button: '核实未通过', note: '未通过理由', hint: '申请人可在进度查询中看到，请写明依据', required: true },
  complete: { button: '完成', note: '处理结果说明', hint: '申请人可在进度查询中看到；移出名单时也作为移出原因记入条目', required: true },
};

type Props = { objectionId: number; status: string; actions: ObjectionAction[]; entry: EntryFields; entryPublic: boolean };

export function ObjectionForms({ objectionId, status, actions, entry, entryPublic }: Props) {
  if (actions.length === 0) return <p className="text-sm text-muted">当前状态下您没有可执行的操作。</p>;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {actions.map((a) => (
        <StepForm key={a} objectionId={objectionId} status={status} action={a} entry={entry} withOutcome={a === 'complete' && status === 'passed'} entryPublic={entryPublic} />
      ))}
    </div>
  );
}

function StepForm({ objectionId, status, action, entry, withOutcome, entryPublic }: { objectionId: number; status: string; action: ObjectionAction; entry: EntryFields; withOutcome: boolean; entryPublic: boolean }) {
  const [state, formAction] = useActionState(moveCreditObjection, {} as ActionState);
  const [outcome, setOutcome] = useState(state.values?.outcome ?? '');
  const text = TEXTS[action];
  const noteId = `objection-${action}-note`;
  return (
    <form action={formAction} className="space-y-3 rounded border border-line p-3" aria-label={text.button}>
      <input type="hidden" name="id" value={objectionId} />
      <input type="hidden" name="from" value={status} />
      <input type="hidden" name="action" value={action} />
      {withOutcome ? (
        <>
          <input type="hidden" name="entryVersion" value={entry.version} />
          <fieldset aria-describedby={state.fieldErrors?.outcome ? `objection-outcome-error` : undefined}>
            <legend className="text-sm font-medium">处理结果</legend>
            <label className="mr-4 inline-flex items-center gap-2">
              <input type="radio" name="outcome" value="modify" checked={outcome === 'modify'} onChange={() => setOutcome('modify')} />
              修改条目
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="radio" name="outcome" value="remove" checked={outcome === 'remove'} onChange={() => setOutcome('remove')} disabled={!entryPublic} />
              移出名单（信用修复）
            </label>
            {state.fieldErrors?.outcome ? (
              <p id="objection-outcome-error" className="mt-1 text-sm text-brand">
                {state.fieldErrors.outcome}
              </p>
            ) : null}
          </fieldset>
          {outcome === 'modify' ? (
            <div className="space-y-3 rounded bg-canvas p-3">
              <p className="text-sm text-muted">修改需要更正的项目；原值和新值都会记入条目的变更记录。</p>
              <TextField state={state} name="name" label="名称" defaultValue={entry.name} required maxLength={100} />
              <FieldShell id="objection-reason" label="列入事由" required error={state.fieldErrors?.reason}>
                {(aria) => <textarea {...aria} name="reason" rows={3} defaultValue={state.values?.reason ?? entry.reason} className={inputClass} />}
              </FieldShell>
              <TextField state={state} name="amount" label="涉及金额（元）" defaultValue={entry.amount} maxLength={20} />
              <TextField state={state} name="authority" label="认定部门" defaultValue={entry.authority} required maxLength={100} />
              <TextField state={state} name="basisDoc" label="认定依据文号" defaultValue={entry.basisDoc} maxLength={100} />
              <TextField state={state} name="publicationEnd" label="公示截止日期" type="date" defaultValue={entry.publicationEnd} hint="提前结束或延长公示须填写调整原因" />
              <TextField state={state} name="publicationEndReason" label="调整原因" defaultValue={entry.publicationEndReason} maxLength={500} />
            </div>
          ) : null}
        </>
      ) : null}
      <FieldShell id={noteId} label={text.note} required={text.required} hint={text.hint} error={state.fieldErrors?.note}>
        {(aria) => <textarea {...aria} name="note" rows={3} maxLength={1000} required={text.required} defaultValue={state.values?.note} className={inputClass} />}
      </FieldShell>
      <PiiMaskOption state={state} />
      <SubmitButton tone={action === 'fail' ? 'danger' : 'primary'} pendingText="处理中…">
        {text.button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
