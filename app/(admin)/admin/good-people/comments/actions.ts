'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { moderateComment } from '@/db/queries/people-admin/comments';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';

const schema = z.object({
  id: z.coerce.number().int().positive(),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(200, '理由不超过200个字').optional(),
});

/** 通过 (shown on the person's page; a hidden comment's reports are cleared) or 不通过 with an optional reason. */
export const moderatePeopleComment = guardedAction('content.edit', schema, async (input, { db, user, refuse }): Promise<ActionState> => {
  const change = await moderateComment(db, input.id, input.decision, user, {
    reason: input.reason,
    onDone: (tx, c) =>
      recordAudit(tx, user, {
        action: input.decision === 'approve' ? 'comment.approve' : 'comment.reject',
        entityType: 'good_person_comment',
        entityId: input.id,
        before: { status: c.from, reportCount: c.reportCount },
        after: { status: c.to, ...(c.from === 'hidden' && c.to === 'approved' ? { reportCount: 0 } : {}) },
        note: input.reason || null,
      }),
  });
  if (!change) return refuse('此评论不存在或已处理过，请刷新页面。');
  await invalidate(TAGS.people);
  revalidatePath('/admin/good-people/comments');
  return { ok: true };
});
