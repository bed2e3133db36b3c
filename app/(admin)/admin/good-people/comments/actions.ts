'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findCommentForModeration, moderateComment, type CommentDecision } from '@/db/queries/people-admin/comments';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { maskPiiInText, personalNumbersMessage } from '@/lib/pii-detect';

const schema = z.object({
  id: z.coerce.number().int().positive(),
  decision: z.enum(['approve', 'reject', 'takeDown']),
  reason: z.string().trim().max(200, '理由不超过200个字').optional(),
});

const AUDIT_ACTIONS: Record<CommentDecision, string> = { approve: 'comment.approve', reject: 'comment.reject', takeDown: 'comment.take_down' };

/**
 * 通过 (shown on the person's page; a hidden comment's reports are cleared), 不通过 with an optional reason,
 * or 撤下 an approved comment with a reason. A comment holding an ID, mobile or bank card number is not
 * approved as it is: the moderator rejects it, or approves it with the numbers masked (maskPii=1).
 */
export const moderatePeopleComment = guardedAction('content.edit', schema, async (input, { db, user, invalid, refuse, maskPii }): Promise<ActionState> => {
  if (input.decision === 'takeDown' && !input.reason) return invalid({ reason: '请填写撤下的理由（评论者看不到，记入审计日志）' });
  let text: { nickname: string; body: string } | null = null;
  if (input.decision === 'approve') {
    const comment = await findCommentForModeration(db, input.id);
    if (!comment) return refuse('此评论不存在或已处理过，请刷新页面。');
    const problem = personalNumbersMessage(comment.nickname) ?? personalNumbersMessage(comment.body);
    if (problem && !maskPii) return invalid({ body: '评论含有身份证号、手机号或银行卡号等个人信息，不能原样通过。请选择不通过，或勾选“打码后通过”后再点“通过”。' }, ['body']);
    if (problem) text = { nickname: maskPiiInText(comment.nickname), body: maskPiiInText(comment.body) };
  }
  const change = await moderateComment(db, input.id, input.decision, user, {
    reason: input.reason,
    text,
    onDone: (tx, c) =>
      recordAudit(tx, user, {
        action: AUDIT_ACTIONS[input.decision],
        entityType: 'good_person_comment',
        entityId: input.id,
        before: { status: c.from, reportCount: c.reportCount },
        after: { status: c.to, ...(c.from === 'hidden' && c.to === 'approved' ? { reportCount: 0 } : {}), ...(text ? { personalNumbersMasked: true } : {}) },
        note: input.reason || null,
      }),
  });
  if (!change) return refuse(input.decision === 'takeDown' ? '此评论已不在显示中，请刷新页面。' : '此评论不存在或已处理过，请刷新页面。');
  await invalidate(TAGS.people);
  revalidatePath('/admin/good-people/comments');
  return { ok: true };
});
