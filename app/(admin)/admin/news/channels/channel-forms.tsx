'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, SubmitButton, TextField } from '../../../../_components/form-fields';
import { createChannel, deleteChannelAction, moveChannelAction, renameChannel } from './actions';

const SLUG_HINT = '用于网址 /news/channel/…，小写英文字母开头';

export function CreateChannelForm() {
  const [state, action] = useActionState(createChannel, {} as ActionState);
  return (
    <form action={action} key={state.ok ? 'done' : 'editing'} className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-start">
      <TextField state={state} name="name" label="栏目名称" id="channel-new-name" required autoComplete="off" />
      <TextField state={state} name="slug" label="栏目网址" hint={SLUG_HINT} id="channel-new-slug" required autoComplete="off" />
      <div className="sm:pt-6">
        <SubmitButton>添加栏目</SubmitButton>
      </div>
      <div className="sm:col-span-3">
        <FormMessage state={state} success="栏目已添加。" />
      </div>
    </form>
  );
}

type Channel = { id: number; name: string; slug: string; articleCount: number };

export function ChannelRowForms({ channel, first, last }: { channel: Channel; first: boolean; last: boolean }) {
  const [rename, renameAction] = useActionState(renameChannel, {} as ActionState);
  const [move, moveAction] = useActionState(moveChannelAction, {} as ActionState);
  const [remove, removeAction] = useActionState(deleteChannelAction, {} as ActionState);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_auto_1fr]">
      <form action={renameAction} aria-label={`修改栏目 ${channel.name}`} className="grid grid-cols-1 gap-2 sm:grid-cols-3 sm:items-start">
        <input type="hidden" name="id" value={channel.id} />
        <TextField state={rename} name="name" label="栏目名称" defaultValue={channel.name} id={`channel-${channel.id}-name`} required autoComplete="off" />
        <TextField state={rename} name="slug" label="栏目网址" defaultValue={channel.slug} id={`channel-${channel.id}-slug`} required autoComplete="off" />
        <div className="sm:pt-6">
          <SubmitButton tone="secondary">保存</SubmitButton>
        </div>
        <div className="sm:col-span-3">
          <FormMessage state={rename} success="已保存。" />
        </div>
      </form>
      <form action={moveAction} aria-label={`调整 ${channel.name} 的顺序`} className="flex items-start gap-2 lg:pt-6">
        <input type="hidden" name="id" value={channel.id} />
        <button type="submit" name="direction" value="up" disabled={first} className="rounded border border-line bg-white px-3 py-2 text-sm hover:border-brand disabled:opacity-40">
          上移
        </button>
        <button type="submit" name="direction" value="down" disabled={last} className="rounded border border-line bg-white px-3 py-2 text-sm hover:border-brand disabled:opacity-40">
          下移
        </button>
        <FormMessage state={move} />
      </form>
      <form action={removeAction} aria-label={`删除栏目 ${channel.name}`} className="space-y-2 lg:pt-6">
        <input type="hidden" name="id" value={channel.id} />
        {channel.articleCount > 0 ? (
          <p className="text-sm text-muted">有 {channel.articleCount} 篇文章，不能删除</p>
        ) : (
          <>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" className="h-4 w-4" />
              确认删除
            </label>
            <SubmitButton tone="danger">删除栏目</SubmitButton>
          </>
        )}
        <FormMessage state={remove} />
      </form>
    </div>
  );
}

