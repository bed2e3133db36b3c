'use server';

// The review workflow of an article: submit, approve (now or scheduled), reject, take offline, force-publish.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findArticleForEdit, newsReviewParties } from '@/db/queries/news-admin';
import { htmlToText } from '@/lib/article-input';
import { guardedAction } from '@/server/actions';
import { checkApproval, OVERRIDE_REASON_MISSING, transition, WORKFLOW, type WorkflowAction } from '@/lib/workflow';
import { overrideReasonField } from '@/lib/review-input';
import { editRefusal, parseCityDateTime } from '@/app/(admin)/admin/news/access';
import type { ArticleActionState } from '@/app/(admin)/admin/news/types';
import { MISSING, changeStatus, id, refreshPages, version } from './action-helpers';

const reviewSchema = z.object({
  id,
  version,
  action: z.enum(Object.keys(WORKFLOW) as [WorkflowAction, ...WorkflowAction[]]),
  reason: z.string().trim().max(500, '理由不超过500个字').optional(),
  publishAt: z.string().trim().optional(),
  // 三审三校: an admin approving their own work says why (audited); ignored for anyone else.
  overrideReason: overrideReasonField,
});

/** 提交审核, 审核通过并发布 (optionally at a later time), 退回修改, 下线, 强制发布. */
export const reviewNewsArticle = guardedAction('content.edit', reviewSchema, async (input, { db, user, invalid, refuse }): Promise<ArticleActionState> => {
  const article = await findArticleForEdit(db, input.id);
  if (!article) return refuse(MISSING);
  if (input.action === 'submit') {
    const refusal = editRefusal(user, article);
    if (refusal) return refuse(refusal);
    if (!htmlToText(article.body)) return refuse('正文为空，不能提交审核。请先填写正文并保存。');
  }
  if (article.version !== input.version) {
    return refuse(`文章已被修改（当前版本 ${article.version}，您看到的是版本 ${input.version}）。请刷新页面查看最新内容后再操作。`);
  }
  if (WORKFLOW[input.action].needsReason && !input.reason) return invalid({ reason: `请填写“${WORKFLOW[input.action].label}”的理由` });
  // Role and status first (their messages say more); then who may approve this version.
  if (input.action === 'approve' && transition(article.status, 'approve', user.role).ok) {
    const check = checkApproval(user, await newsReviewParties(db, article), input.overrideReason);
    if (!check.ok) return check.needsOverrideReason ? invalid({ overrideReason: OVERRIDE_REASON_MISSING }) : refuse(check.message);
  }
  let publishAt: Date | null = null;
  if ((input.action === 'approve' || input.action === 'forcePublish') && input.publishAt) {
    publishAt = parseCityDateTime(input.publishAt);
    if (!publishAt) return invalid({ publishAt: '请填写有效的日期和时间' });
    if (publishAt.getTime() < Date.now() - 60_000) return invalid({ publishAt: '定时发布时间须晚于现在；立即发布请留空' });
  }
  const refused = await changeStatus(db, user, article, input.action, { version: input.version, reason: input.reason, publishAt, overrideReason: input.overrideReason });
  if (refused) return refuse(refused);
  refreshPages(input.id);
  // The page changes with the status (other buttons, read-only for editors): say what happened there.
  redirect(`/admin/news/${input.id}?done=${input.action}`);
});
