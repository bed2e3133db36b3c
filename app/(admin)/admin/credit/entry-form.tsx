'use client';

// The create/edit form of a credit entry: plain fields, the subject's identifiers switching with its kind.
// All checks happen on the server (lib/credit-entry.ts); errors come back next to their fields.
import { useActionState, useState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, SubmitButton, TextField, inputClass } from '../../../_components/form-fields';
import { PiiMaskOption } from '../../../_components/pii-mask-option';
import { createCreditEntryAction, saveCreditEntry } from './entries/actions';
import { SUBJECT_KINDS } from '@/lib/enums';

type Category = { id: number; list: 'red' | 'black'; name: string; periodMonths: number };
type Mode = { kind: 'create'; batchId: number } | { kind: 'edit'; id: number; version: number };

export function CreditEntryForm({ categories, mode, initial }: { categories: Category[]; mode: Mode; initial: Record<string, string> }) {
  const [state, action] = useActionState(mode.kind === 'create' ? createCreditEntryAction : saveCreditEntry, {} as ActionState);
  const value = (name: string) => state.values?.[name] ?? initial[name] ?? '';
  const [kind, setKind] = useState(value('subjectKind') || '法人企业');
  const person = kind === '自然人';
  const errors = state.fieldErrors ?? {};
  const group = (list: 'red' | 'black', label: string) => (
    <optgroup label={label}>
      {categories
        .filter((c) => c.list === list)
        .map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}（公示{c.periodMonths}个月）
          </option>
        ))}
    </optgroup>
  );

  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-4 shadow-sm" aria-label={mode.kind === 'create' ? '新建条目' : '编辑条目'}>
      {mode.kind === 'create' ? <input type="hidden" name="batchId" value={mode.batchId} /> : null}
      {mode.kind === 'edit' ? (
        <>
          <input type="hidden" name="id" value={mode.id} />
          <input type="hidden" name="version" value={mode.version} />
        </>
      ) : null}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FieldShell id="field-categoryId" label="名单与类别" required hint="名单（红榜/黑榜）由类别决定" error={errors.categoryId}>
          {(aria) => (
            <select {...aria} name="categoryId" defaultValue={value('categoryId')} required className={inputClass}>
              <option value="">请选择</option>
              {group('red', '守信红榜')}
              {group('black', '失信黑榜')}
            </select>
          )}
        </FieldShell>
        <FieldShell id="field-subjectKind" label="主体类型" required error={errors.subjectKind}>
          {(aria) => (
            <select {...aria} name="subjectKind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
              {SUBJECT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <TextField state={state} name="name" label={person ? '姓名' : '名称'} defaultValue={initial.name} required maxLength={100} />
        {person ? (
          <TextField state={state} name="idNumber" label="身份证号码" defaultValue={initial.idNumber} required maxLength={18} hint="18位；仅工作人员可见，公开页面显示为前6位和后4位。不得录入未成年人。" autoComplete="off" />
        ) : (
          <>
            <TextField state={state} name="creditCode" label="统一社会信用代码" defaultValue={initial.creditCode} required maxLength={25} hint="18位，系统会核对校验位" autoComplete="off" />
            <TextField state={state} name="legalRep" label="法定代表人 / 经营者" defaultValue={initial.legalRep} maxLength={50} />
          </>
        )}
      </div>
      <FieldShell id="field-reason" label="列入事由 / 守信事迹" required hint="10-1000字；不要写入住址、电话、银行账号等个人信息" error={errors.reason}>
        {(aria) => <textarea {...aria} name="reason" rows={4} defaultValue={value('reason')} required className={inputClass} />}
      </FieldShell>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TextField state={state} name="amount" label="涉及金额（元，可选）" defaultValue={initial.amount} maxLength={20} hint="如 12500 或 3260.50" />
        <TextField state={state} name="authority" label="认定部门" defaultValue={initial.authority} required maxLength={100} />
        <TextField state={state} name="basisDoc" label="认定依据文号" defaultValue={initial.basisDoc} maxLength={100} hint="如 江市监罚〔2026〕12号" />
        <TextField state={state} name="decisionDate" label="决定日期" type="date" defaultValue={initial.decisionDate} required hint="公示期从决定日期起算" />
        <TextField state={state} name="listedDate" label="列入日期" type="date" defaultValue={initial.listedDate} required />
        <TextField state={state} name="publicationEnd" label="公示截止日期（可选）" type="date" defaultValue={initial.publicationEnd} hint="留空则按类别的公示期限自动计算；如需调整，须填写调整原因" />
      </div>
      <FieldShell id="field-publicationEndReason" label="调整原因" hint="仅在公示截止日期与自动计算的日期不同时填写" error={errors.publicationEndReason}>
        {(aria) => <textarea {...aria} name="publicationEndReason" rows={2} defaultValue={value('publicationEndReason')} maxLength={500} className={inputClass} />}
      </FieldShell>
      <PiiMaskOption state={state} />
      <SubmitButton pendingText="保存中…">{mode.kind === 'create' ? '保存条目' : '保存修改'}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
