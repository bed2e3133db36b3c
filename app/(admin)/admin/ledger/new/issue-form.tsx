'use client';

// 录入问题: a finding of an inspection (督查), a 测评 round or a 12345 call, entered by staff. It starts as
// 已受理 (staff found it themselves), ready to assign.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FilePicker, FormMessage, SelectField, SubmitButton, TextAreaField, TextField, inputClass } from '../../../../_components/form-fields';
import { PiiMaskOption } from '../../../../_components/pii-mask-option';
import { createStaffIssue } from './actions';

type Option = { value: string; label: string };

export function IssueForm({ sources, categories, areas }: { sources: readonly string[]; categories: Option[]; areas: string[] }) {
  const [state, action] = useActionState(createStaffIssue, {} as ActionState);
  return (
    <form action={action} aria-label="录入问题" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2">
      <SelectField state={state} name="source" label="来源" options={sources.map((s) => ({ value: s, label: s }))} defaultValue="督查" />
      <TextField state={state} name="documentNo" label="督查文号" maxLength={60} hint="督查通报或交办单的文号，如“江创城督〔2026〕12号”" />
      <SelectField state={state} name="categoryId" label="问题类别" options={[{ value: '', label: '请选择' }, ...categories]} />
      <FieldShell id="field-area" label="所在片区/网格" hint="按责任单位负责的片区选择；不确定可留空" error={state.fieldErrors?.area}>
        {(aria) => (
          <select {...aria} key={state.values?.area ?? ''} name="area" defaultValue={state.values?.area ?? ''} className={inputClass}>
            <option value="">（不确定）</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <div className="sm:col-span-2">
        <TextField state={state} name="address" label="详细地点" required maxLength={100} hint="如“解放路与人民路交叉口东北角”" />
      </div>
      <div className="sm:col-span-2">
        <TextAreaField state={state} name="description" label="问题描述" required rows={4} maxLength={1000} hint="10-1000个字，写明现场情况；公开显示在台账上，请勿写入个人信息" />
      </div>
      <FieldShell id="field-photos" label="问题照片（可选）" hint="最多4张；原图不公开，核实后可在问题页公开处理后的副本" error={state.fieldErrors?.photos}>
        {(aria) => <FilePicker aria={aria} name="photos" accept="image/jpeg,image/png,image/webp,image/gif" multiple buttonText="选择照片" />}
      </FieldShell>
      <div className="space-y-2 sm:col-span-2">
        <PiiMaskOption state={state} />
        <SubmitButton>录入问题</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
