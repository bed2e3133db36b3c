'use client';

// The moderation forms of one comment: 通过 / 不通过 for the queue, 撤下 for an approved comment.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, inputClass, SubmitButton } from '../../../../_components/form-fields';
import { PiiMaskOption } from '../../../../_components/pii-mask-option';
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
        {approved.fieldErrors?.body && (
          <p id={`comment-${id}-body-error`} className="text-sm text-brand">
            {approved.fieldErrors.body}
          </p>
        )}
        <PiiMaskOption state={approved} label="打码后通过" />
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

/** 撤下: an approved comment leaves the person's page at once; the reason goes to the audit log. */
export function TakeDownForm({ id }: { id: number }) {
  const [state, takeDown] = useActionState(moderatePeopleComment, {} as ActionState);
  const reasonId = `comment-${id}-takedown-reason`;
  const error = state.fieldErrors?.reason;
  return (
    <form action={takeDown} aria-label={`撤下评论${id}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value="takeDown" />
      <div>
        <label htmlFor={reasonId} className="block text-sm font-medium">
          撤下理由
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          maxLength={200}
          defaultValue={state.values?.reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${reasonId}-error` : undefined}
          className={inputClass}
        />
      </div>
      <SubmitButton tone="danger" pendingText="处理中…">
        撤下
      </SubmitButton>
      <div className="basis-full space-y-1">
        {error && (
          <p id={`${reasonId}-error`} className="text-sm text-brand">
            {error}
          </p>
        )}
        <FormMessage state={state} success="已撤下，不再在人物页面显示。" />
      </div>
    </form>
  );
}
