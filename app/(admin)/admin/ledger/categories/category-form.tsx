'use client';

// One 问题类别 (new or existing): default unit, deadline in working days, urgent deadline in hours, and
// whether its photos may ever be public (never for 不文明行为: report the place, not the person).
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, SelectField, SubmitButton, TextField } from '../../../../_components/form-fields';
import { saveCategory } from './actions';

export type CategoryRow = { id: number; name: string; defaultUnitId: number | null; deadlineDays: number; urgentHours: number; photosPublic: boolean; sortOrder: number };

export function CategoryForm({ category, units }: { category: CategoryRow | null; units: { value: string; label: string }[] }) {
  const [state, action] = useActionState(saveCategory, {} as ActionState);
  const p = category ? `category-${category.id}` : 'category-new';
  const checked = state.values ? state.values.photosPublic === '1' : (category?.photosPublic ?? true);
  return (
    <form action={action} aria-label={category ? `类别“${category.name}”` : '新建类别'} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-start" key={!category && state.ok ? 'created' : 'editing'}>
      {category ? <input type="hidden" name="id" value={category.id} /> : null}
      <TextField state={state} id={`${p}-name`} name="name" label="类别名称" required maxLength={20} defaultValue={category?.name} />
      <SelectField state={state} id={`${p}-unit`} name="defaultUnitId" label="默认责任单位" options={[{ value: '', label: '（交办时选择）' }, ...units]} defaultValue={category?.defaultUnitId ? String(category.defaultUnitId) : ''} />
      <TextField state={state} id={`${p}-days`} name="deadlineDays" label="整改期限（工作日）" type="number" required defaultValue={String(category?.deadlineDays ?? 5)} />
      <TextField state={state} id={`${p}-hours`} name="urgentHours" label="紧急期限（小时）" type="number" required defaultValue={String(category?.urgentHours ?? 24)} hint="按工作时间计算" />
      <TextField state={state} id={`${p}-sort`} name="sortOrder" label="排序" type="number" defaultValue={String(category?.sortOrder ?? 0)} />
      <div className="space-y-2 lg:pt-6">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="photosPublic" value="1" defaultChecked={checked} key={String(checked)} />
          照片可公开
        </label>
        <SubmitButton tone={category ? 'secondary' : 'primary'}>{category ? '保存' : '新建类别'}</SubmitButton>
      </div>
      <div className="sm:col-span-2 lg:col-span-6">
        <FormMessage state={state} success={category ? '已保存。' : '类别已创建。'} />
      </div>
    </form>
  );
}
