'use client';

// 通过 / 不通过 for one comment in the moderation queue.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, inputClass, SubmitButton } from '../../../../_components/form-fields';
import { moderatePeopleComment } from './actions';

export function CommentForms({ id, hidden }: { id: number; hidden: boolean }) {
  const [approved, approve] = useActionState(moderatePeopleComment, {} as ActionState);
  const [rejected, reject] = useActionState(moderatePeopleComment, {} as ActionState);
  const reasonId = `comment-${id}-reason`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={approve} aria-label={`通过评论${id}`} className="space-y-1">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="approve" />
        <SubmitButton pendingText="处理中…">{hidden ? '恢复显示（清除举报）' : '通过'}</SubmitButton>
        <FormMessage state={approved} success="已通过。" />
      </form>
      <form action={reject} aria-label={`不通过评论${id}`} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="decision" value="reject" />
        <div>
          <label htmlFor={reasonId} className="block text-sm font-medium">
            不通过理由（可选）
          </label>
          <input id={reasonId} name="reason" maxLength={200} defaultValue={rejected.values?.reason} className={inputClass} />
        </div>
        <SubmitButton tone="danger" pendingText="处理中…">
          不通过
        </SubmitButton>
        <div className="basis-full">
          <FormMessage state={rejected} success="已不通过。" />
        </div>
      </form>
    </div>
  );
}
