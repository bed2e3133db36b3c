'use client';

// The person form (新建人物 / 编辑人物). A save from a stale version is refused by the server and the
// typed text stays in the form.
import { useActionState } from 'react';
import { FieldShell, FormMessage, inputClass, SelectField, SubmitButton, TextField } from '../../../_components/form-fields';
import { MediaPicker } from '../../../_components/media-picker';
import { PiiMaskOption } from '../../../_components/pii-mask-option';
import { createGoodPerson, saveGoodPerson, type PersonActionState } from './actions';
import type { PersonFormValues } from '@/lib/person-input';
import { GOOD_PERSON_CATEGORIES, GOOD_PERSON_LEVELS } from '@/lib/enums';


type Props = {
  personId: number | null;
  version: number;
  initial: PersonFormValues;
  batches: { id: number; title: string }[];
};

function TextArea({ state, name, label, initial, rows, hint, required, maxLength }: { state: PersonActionState; name: keyof PersonFormValues; label: string; initial: PersonFormValues; rows: number; hint?: string; required?: boolean; maxLength?: number }) {
  return (
    <FieldShell id={`field-${name}`} label={label} required={required} hint={hint} error={state.fieldErrors?.[name]}>
      {(aria) => <textarea {...aria} name={name} rows={rows} required={required} maxLength={maxLength} defaultValue={state.values?.[name] ?? initial[name]} className={inputClass} />}
    </FieldShell>
  );
}

export function PersonForm({ personId, version, initial, batches }: Props) {
  const [state, action] = useActionState<PersonActionState, FormData>(personId ? saveGoodPerson : createGoodPerson, {});
  const currentVersion = Math.max(version, state.version ?? 0);
  const v = (name: keyof PersonFormValues) => state.values?.[name] ?? initial[name];
  return (
    <form action={action} aria-label={personId ? '编辑人物' : '新建人物'} className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      {personId && (
        <>
          <input type="hidden" name="id" value={personId} />
          <input type="hidden" name="version" value={currentVersion} />
        </>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField state={state} name="name" label="姓名" required maxLength={30} defaultValue={initial.name} />
        <SelectField state={state} name="gender" label="性别" defaultValue={initial.gender} options={[{ value: '', label: '不填' }, { value: '男', label: '男' }, { value: '女', label: '女' }]} />
        <TextField state={state} name="birthYear" label="出生年份" type="number" defaultValue={initial.birthYear} hint="四位数字，如 1968；可不填" />
        <TextField state={state} name="region" label="所在地区" required maxLength={60} defaultValue={initial.region} hint="区、街道、社区，如 东湖区 滨江街道 幸福社区" />
        <TextField state={state} name="unit" label="工作单位" maxLength={60} defaultValue={initial.unit} />
        <SelectField state={state} name="category" label="类别" defaultValue={initial.category} options={GOOD_PERSON_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        <SelectField state={state} name="level" label="级别" defaultValue={initial.level} options={GOOD_PERSON_LEVELS.map((l) => ({ value: l, label: l }))} />
        <SelectField
          state={state}
          name="batchId"
          label="所属榜单"
          defaultValue={initial.batchId}
          options={[{ value: '', label: '不属于榜单（市级好人、道德模范）' }, ...batches.map((b) => ({ value: String(b.id), label: b.title }))]}
        />
        <TextField state={state} name="term" label="届次" type="number" defaultValue={initial.term} hint="仅道德模范填写，1-99，如第五届填 5" />
      </div>
      <MediaPicker key={v('photo')} name="photo" label="照片" defaultValue={v('photo')} hint="从媒体库选择；图片说明（替代文字）取自媒体库" error={state.fieldErrors?.photo} />
      <TextArea state={state} name="deed" label="一句话事迹" initial={initial} rows={3} required hint="30-200个字，按显示的字数计算" />
      <TextArea state={state} name="story" label="事迹全文" initial={initial} rows={12} hint="不超过5000个字；段落之间空一行" />
      <TextArea state={state} name="honors" label="所获荣誉" initial={initial} rows={2} hint="不超过500个字，多项用分号隔开" />
      <div className="space-y-2">
        <PiiMaskOption state={state} />
        <SubmitButton pendingText="保存中…">{personId ? '保存' : '保存草稿'}</SubmitButton>
        <FormMessage state={state} success={personId ? `已保存（版本 ${currentVersion}）。` : undefined} />
      </div>
    </form>
  );
}
