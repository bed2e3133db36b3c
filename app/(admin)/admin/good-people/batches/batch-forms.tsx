'use client';

// The batch pages' small forms: 新建月度榜单, 榜单名称和点赞评议时间, 加入榜单 and 移出 per person.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, inputClass, SubmitButton, TextField } from '../../../../_components/form-fields';
import { addPersonToBatch, createPeopleBatch, removePersonFromBatch, updatePeopleBatch } from './actions';

export function CreateBatchForm({ defaultMonth }: { defaultMonth: string }) {
  const [state, action] = useActionState(createPeopleBatch, {} as ActionState);
  return (
    <form action={action} aria-label="新建月度榜单" className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-start">
      <TextField state={state} name="month" label="榜单月份" type="month" required defaultValue={defaultMonth} hint="格式 年-月，如 2026-03；每月一个榜单" />
      <TextField state={state} name="title" label="榜单名称" maxLength={60} hint="留空则为“YYYY年M月 身边好人榜”" />
      <div className="space-y-2 sm:pt-6">
        <SubmitButton>新建榜单</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

export function BatchDetailsForm({ batch }: { batch: { id: number; version: number; title: string; votingStart: string | null; votingEnd: string | null } }) {
  const [state, action] = useActionState(updatePeopleBatch, {} as ActionState);
  return (
    <form action={action} aria-label="榜单信息" className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-start">
      <input type="hidden" name="id" value={batch.id} />
      <input type="hidden" name="version" value={batch.version} />
      <div className="sm:col-span-3">
        <TextField state={state} name="title" label="榜单名称" required maxLength={60} defaultValue={batch.title} />
      </div>
      <TextField state={state} name="votingStart" label="点赞评议开始日期" type="date" defaultValue={batch.votingStart ?? ''} hint="北京时间，当天起市民可点赞、评论" />
      <TextField state={state} name="votingEnd" label="点赞评议结束日期" type="date" defaultValue={batch.votingEnd ?? ''} hint="含当天；不能早于开始日期" />
      <div className="space-y-2 sm:pt-6">
        <SubmitButton tone="secondary">保存榜单信息</SubmitButton>
        <FormMessage state={state} success="榜单信息已保存。" />
      </div>
    </form>
  );
}

export function AddPersonForm({ batchId, people }: { batchId: number; people: { id: number; name: string; category: string; batchTitle: string | null }[] }) {
  const [state, action] = useActionState(addPersonToBatch, {} as ActionState);
  if (people.length === 0) return <p className="text-sm text-muted">没有可加入的人物（未发布、不属于审核中或已发布榜单的身边好人和市级好人）。</p>;
  return (
    <form action={action} aria-label="加入已有人物" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="batchId" value={batchId} />
      <div className="min-w-60 flex-1">
        <FieldShell id="add-person" label="选择人物" error={state.fieldErrors?.personId}>
          {(aria) => (
            <select {...aria} name="personId" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.category}
                  {p.batchTitle ? `，现属 ${p.batchTitle}` : ''}）
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      </div>
      <SubmitButton tone="secondary">加入榜单</SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} success="已加入榜单。" />
      </div>
    </form>
  );
}

export function RemovePersonForm({ batchId, person }: { batchId: number; person: { id: number; name: string } }) {
  const [state, action] = useActionState(removePersonFromBatch, {} as ActionState);
  return (
    <form action={action} aria-label={`将${person.name}移出榜单`}>
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="personId" value={person.id} />
      <button type="submit" className="text-sm text-brand underline hover:no-underline" aria-label={`移出 ${person.name}`}>
        移出
      </button>
      {state.message && (
        <p role="alert" className="text-xs text-brand">
          {state.message}
        </p>
      )}
    </form>
  );
}
