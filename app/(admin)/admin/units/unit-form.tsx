'use client';

// The 责任单位 form (new and edit): name, kind, parent and the 片区/网格 it answers for, one per line.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, SelectField, SubmitButton, TextField, inputClass } from '../../../_components/form-fields';
import { createUnit, updateUnit } from './actions';

export type UnitFormValues = { id: number; name: string; kind: string; parentId: number | null; areas: string[]; active: boolean };
type Option = { value: string; label: string };

export function UnitForm({ unit, kinds, parents }: { unit: UnitFormValues | null; kinds: readonly string[]; parents: Option[] }) {
  const [state, action] = useActionState(unit ? updateUnit : createUnit, {} as ActionState);
  return (
    <form action={action} aria-label={unit ? '修改单位' : '新建单位'} className="grid grid-cols-1 gap-3 sm:grid-cols-2" key={!unit && state.ok ? 'created' : 'editing'}>
      {unit ? <input type="hidden" name="id" value={unit.id} /> : null}
      <TextField state={state} name="name" label="单位名称" required maxLength={60} defaultValue={unit?.name} />
      <SelectField state={state} name="kind" label="单位类型" options={kinds.map((k) => ({ value: k, label: k }))} defaultValue={unit?.kind ?? kinds[0]} />
      <SelectField state={state} name="parentId" label="上级单位" options={[{ value: '', label: '无' }, ...parents.filter((p) => p.value !== String(unit?.id))]} defaultValue={unit?.parentId ? String(unit.parentId) : ''} />
      <FieldShell id="field-areas" label="负责的片区/网格" hint="每行一个，例如“东城街道第三网格”；市民随手拍时按这里的片区选择地点。" error={state.fieldErrors?.areas}>
        {(aria) => <textarea {...aria} name="areas" rows={4} defaultValue={state.values?.areas ?? unit?.areas.join('\n')} className={inputClass} />}
      </FieldShell>
      {unit ? (
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="active" value="1" defaultChecked={state.values ? state.values.active === '1' : unit.active} key={state.values ? `sent-${state.values.active}` : 'stored'} />
          启用（停用后不能再交办给该单位，已有问题不受影响）
        </label>
      ) : null}
      <div className="space-y-2 sm:col-span-2">
        <SubmitButton>{unit ? '保存单位' : '新建单位'}</SubmitButton>
        <FormMessage state={state} success={unit ? '已保存。' : '单位已创建。'} />
      </div>
    </form>
  );
}
