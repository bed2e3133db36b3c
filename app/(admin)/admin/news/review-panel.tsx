'use client';

// Reviewers' and admins' workflow buttons on the edit page: approve (now or at a set time), reject with a
// reason, take offline with a reason, force-publish with a reason. They act on the saved version shown.
// Whoever wrote, last saved or submitted the version sees why they may not approve it (三审三校) instead of
// the approve button; an admin gets the button with a required written reason (audited).
import { useActionState } from 'react';
import { OVERRIDE_LABEL, type WorkflowAction } from '@/lib/workflow';
import { FormMessage, SubmitButton, TextAreaField, inputClass } from '../../../_components/form-fields';
import { reviewNewsArticle } from './review-actions';
import type { ArticleActionState } from './types';

type Props = {
  articleId: number;
  version: number;
  actions: WorkflowAction[];
  /** Why this user may not approve this version (三审三校), or null. */
  approvalRefusal?: string | null;
  /** An admin may approve anyway with a written reason. */
  mayOverride?: boolean;
};

export function ReviewPanel({ articleId, version, actions, approvalRefusal = null, mayOverride = false }: Props) {
  const shown = actions.filter((a) => a !== 'submit');
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="review-heading" className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="review-heading" className="font-bold">
        审核
      </h2>
      <p className="text-sm text-muted">审核操作针对已保存的版本 {version}；如刚修改了内容，请先保存。</p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {shown.includes('approve') && approvalRefusal && !mayOverride && (
          <p role="note" className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            不能审核通过：{approvalRefusal}
          </p>
        )}
        {shown.includes('approve') && (!approvalRefusal || mayOverride) && (
          <ReviewForm
            articleId={articleId}
            version={version}
            action="approve"
            button="审核通过并发布"
            schedule
            {...(approvalRefusal ? { overrideHint: approvalRefusal } : {})}
          />
        )}
        {shown.includes('reject') && <ReviewForm articleId={articleId} version={version} action="reject" button="退回修改" reasonLabel="退回理由" reasonHint="编辑将在文章页看到此理由" tone="danger" />}
        {shown.includes('takeOffline') && <ReviewForm articleId={articleId} version={version} action="takeOffline" button="下线" reasonLabel="下线理由" reasonHint="下线后公众页面、栏目、订阅和网站地图都不再显示此文章" tone="danger" />}
        {shown.includes('forcePublish') && (
          <ReviewForm articleId={articleId} version={version} action="forcePublish" button="强制发布" reasonLabel="强制发布理由" reasonHint="管理员不经审核直接发布，理由记入审计日志" tone="danger" />
        )}
      </div>
    </section>
  );
}

function ReviewForm({
  articleId,
  version,
  action,
  button,
  reasonLabel,
  reasonHint,
  schedule,
  overrideHint,
  tone = 'primary',
}: {
  articleId: number;
  version: number;
  action: WorkflowAction;
  button: string;
  reasonLabel?: string;
  reasonHint?: string;
  schedule?: boolean;
  /** 三审三校 refused this admin: the override reason field, with the refusal as its hint. */
  overrideHint?: string;
  tone?: 'primary' | 'danger';
}) {
  const [state, formAction] = useActionState(reviewNewsArticle, {} as ArticleActionState);
  const reasonId = `review-${action}-reason`;
  const timeId = `review-${action}-time`;
  const timeError = state.fieldErrors?.publishAt;
  const overrideId = `review-${action}-override`;
  return (
    <form action={formAction} className="space-y-2 rounded border border-line p-3" aria-label={button}>
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      {reasonLabel && <TextAreaField state={state} name="reason" id={reasonId} label={reasonLabel} rows={3} required hint={reasonHint} />}
      {overrideHint && <TextAreaField state={state} name="overrideReason" id={overrideId} label={OVERRIDE_LABEL} rows={3} required hint={overrideHint} />}
      {schedule && (
        <div>
          <label htmlFor={timeId} className="block text-sm font-medium">
            定时发布时间（可选）
          </label>
          <input
            id={timeId}
            name="publishAt"
            type="datetime-local"
            defaultValue={state.values?.publishAt}
            aria-invalid={timeError ? true : undefined}
            aria-describedby={`${timeId}-hint${timeError ? ` ${timeId}-error` : ''}`}
            className={inputClass}
          />
          <p id={`${timeId}-hint`} className="mt-1 text-xs text-muted">
            北京时间；留空则立即发布
          </p>
          {timeError && (
            <p id={`${timeId}-error`} className="mt-1 text-sm text-brand">
              {timeError}
            </p>
          )}
        </div>
      )}
      <SubmitButton tone={tone} pendingText="处理中…">
        {button}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
