'use client';

// The steps the signed-in user may take on an item now (lib/ledger-workflow availableIssueActions), one small
// form each. Every step has a public note (on the public timeline) and an internal note (staff only); some
// need more: the reason told to the reporter, the original's number, the unit, a planned date, an after-photo.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import type { IssueAction } from '@/lib/ledger-workflow';
import { FieldShell, FilePicker, FormMessage, SelectField, SubmitButton, TextAreaField, TextField } from '../../../../_components/form-fields';
import { PiiMaskOption } from '../../../../_components/pii-mask-option';
import { transitionIssue } from './actions';

type Texts = { button: string; tone: 'primary' | 'secondary' | 'danger'; publicLabel: string; publicRequired?: boolean; publicHint?: string };

const TEXTS: Record<IssueAction, Texts> = {
  accept: { button: '受理', tone: 'primary', publicLabel: '公开说明（可选）' },
  reject: { button: '不予受理', tone: 'danger', publicLabel: '公开说明（可选）', publicHint: '不予受理的问题不公开；理由请填在“告知反映人的理由”' },
  duplicate: { button: '标记为重复', tone: 'secondary', publicLabel: '公开说明（可选）' },
  assign: { button: '交办', tone: 'primary', publicLabel: '交办说明（公开，可选）' },
  return: { button: '退回改派', tone: 'danger', publicLabel: '退回理由', publicRequired: true, publicHint: '写明为什么不属于本单位、应由哪个单位办理；公开显示' },
  start: { button: '开始整改', tone: 'primary', publicLabel: '公开说明（可选）' },
  plan: { button: '纳入计划', tone: 'secondary', publicLabel: '纳入计划的理由', publicRequired: true, publicHint: '例如需要立项、采购或季节施工；计划完成日期公开显示，到期未完成计为超期' },
  submit: { button: '提交核验', tone: 'primary', publicLabel: '整改情况说明', publicRequired: true, publicHint: '至少20个字，写明做了什么、何时完成；与本单位以前的说明完全相同会被标记' },
  close: { button: '销号', tone: 'primary', publicLabel: '核验意见（公开，可选）' },
  redo: { button: '退回重办', tone: 'danger', publicLabel: '退回重办的理由', publicRequired: true, publicHint: '写明未整改到位之处；公开显示' },
};

export type AssignContext = { units: { value: string; label: string }[]; defaultUnitId: number | null; deadlineText: string; urgentText: string };

export function TransitionForms({ no, actions, assign }: { no: string; actions: IssueAction[]; assign: AssignContext }) {
  if (actions.length === 0) return <p className="text-sm text-muted">当前状态下您没有可执行的操作。</p>;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {actions.map((a) => (
        <StepForm key={a} no={no} action={a} assign={assign} />
      ))}
    </div>
  );
}

function StepForm({ no, action, assign }: { no: string; action: IssueAction; assign: AssignContext }) {
  const [state, formAction] = useActionState(transitionIssue, {} as ActionState);
  const text = TEXTS[action];
  const id = (field: string) => `step-${action}-${field}`;
  return (
    <form action={formAction} className="space-y-3 rounded border border-line p-3" aria-label={text.button}>
      <input type="hidden" name="no" value={no} />
      <input type="hidden" name="action" value={action} />
      {action === 'reject' || action === 'duplicate' ? (
        <TextAreaField state={state} id={id('reporter')} name="reporterNote" rows={2} label={action === 'reject' ? '告知反映人的理由' : '告知反映人的说明（可选）'} required={action === 'reject'} hint="只有反映人在进度查询中能看到" />
      ) : (
        // Every step's form sends the same three notes (lib/ledger-input transitionFields).
        <input type="hidden" name="reporterNote" value="" />
      )}
      {action === 'duplicate' ? <TextField state={state} id={id('original')} name="duplicateOfNo" label="原问题编号" required hint="如 ZG-2026-000123；本问题将链接到原问题" /> : null}
      {action === 'assign' ? (
        <>
          <SelectField state={state} id={id('unit')} name="unitId" label="责任单位" options={[{ value: '', label: '请选择' }, ...assign.units]} defaultValue={assign.defaultUnitId ? String(assign.defaultUnitId) : ''} />
          <FieldShell id={id('urgent')} label="整改期限" hint={`${assign.deadlineText}；${assign.urgentText}`}>
            {(aria) => (
              <label className="mt-1 flex items-center gap-2 text-sm">
                <input {...aria} type="checkbox" name="urgent" value="1" defaultChecked={state.values?.urgent === '1'} />
                紧急（按小时计算期限）
              </label>
            )}
          </FieldShell>
        </>
      ) : null}
      {action === 'plan' ? <TextField state={state} id={id('date')} name="plannedDate" label="计划完成日期" type="date" required hint="公开显示；到期未完成计为超期" /> : null}
      {action === 'submit' ? (
        <FieldShell id={id('photos')} label="整改后照片" required hint="1-4张，JPEG、PNG、WebP 或 GIF，每张不超过5MB；原图不公开" error={state.fieldErrors?.afterPhotos}>
          {(aria) => <FilePicker aria={aria} name="afterPhotos" accept="image/jpeg,image/png,image/webp,image/gif" multiple buttonText="选择照片" />}
        </FieldShell>
      ) : null}
      <TextAreaField state={state} id={id('public')} name="publicNote" rows={action === 'submit' ? 4 : 2} label={text.publicLabel} required={text.publicRequired} hint={text.publicHint ?? '公开显示在台账的办理过程中'} maxLength={1000} />
      <TextAreaField state={state} id={id('internal')} name="internalNote" rows={2} label="内部备注（可选）" hint="仅工作人员可见" maxLength={1000} />
      <PiiMaskOption state={state} />
      <SubmitButton tone={text.tone} pendingText="处理中…">
        {text.button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
