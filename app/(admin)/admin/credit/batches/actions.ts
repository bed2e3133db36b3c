'use server';

// 红黑榜 release batch actions: create, and review as a whole (submit, approve, reject, take offline).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { creditBatchReviewParties, findCreditBatch, insertCreditBatch, lockCreditBatch, setCreditBatchStatus } from '@/db/queries/credit-admin/batches';
import { recordReviewEvent } from '@/db/queries/workflow';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { checkApproval, OVERRIDE_REASON_MISSING, overrideNote, transition, WORKFLOW, type WorkflowAction } from '@/lib/workflow';
import { overrideReasonField } from '@/lib/review-input';
import { creditBatchTitle } from '@/lib/credit-input';
import { id, reasonText, refreshCredit, version } from '../action-helpers';

export const createCreditBatch = guardedAction('content.edit', z.object({ title: creditBatchTitle }), async (input, { db, user, invalid }) => {
  const batchId = await insertCreditBatch(db, input.title, user.id, (tx, newId) => recordAudit(tx, user, { action: 'credit_batch.create', entityType: 'credit_batch', entityId: newId, after: { title: input.title, status: 'draft' } }));
  if (!batchId) return invalid({ title: `已有名为“${input.title}”的批次，请换一个名称` });
  await refreshCredit('/admin/credit/batches');
  redirect(`/admin/credit/batches/${batchId}?done=created`);
});

const BATCH_AUDIT: Record<WorkflowAction, string> = {
  submit: 'credit_batch.submit',
  approve: 'credit_batch.approve',
  reject: 'credit_batch.reject',
  takeOffline: 'credit_batch.take_offline',
  forcePublish: 'credit_batch.force_publish',
};
/** An admin's approval of a batch they made, filled or submitted, with a written reason (三审三校 overridden). */
const APPROVE_OVERRIDE = 'credit_batch.approve_override';

type Moved = { ok: true } | { ok: false; message: string; needsOverrideReason?: boolean };
const CHANGED = '该批次刚被他人更改，请刷新页面查看最新状态后再操作。';

/**
 * 提交审核, 审核通过并发布 (the whole batch at once), 退回修改, 下线, 强制发布. An approval is refused to
 * whoever made the batch, last wrote an entry in it or submitted it (三审三校), unless an admin gives a
 * written reason, which the audit log keeps.
 */
export const reviewCreditBatch = guardedAction(
  'content.edit',
  z.object({
    id,
    version,
    action: z.enum(Object.keys(WORKFLOW) as [WorkflowAction, ...WorkflowAction[]]),
    reason: reasonText,
    overrideReason: overrideReasonField,
  }),
  async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
    const batch = await findCreditBatch(db, input.id);
    if (!batch) return refuse('批次不存在。');
    if (batch.version !== input.version) return refuse(CHANGED);
    if (WORKFLOW[input.action].needsReason && !input.reason) return invalid({ reason: `请填写“${WORKFLOW[input.action].label}”的理由` });
    const rule = transition(batch.status, input.action, user.role, input.reason);
    if (!rule.ok) return refuse(rule.message);
    if (input.action === 'submit' && batch.entries === 0) return refuse('该批次还没有条目，不能提交审核。请先添加或导入条目。');
    const publishedAt = rule.to === 'published' ? new Date() : null;
    const moved = await db.transaction(async (t): Promise<Moved> => {
      let note = input.reason || null;
      let auditAction = BATCH_AUDIT[input.action];
      if (input.action === 'approve') {
        const locked = await lockCreditBatch(t, batch.id);
        if (!locked || locked.version !== batch.version) return { ok: false, message: CHANGED };
        const check = checkApproval(user, await creditBatchReviewParties(t, batch.id), input.overrideReason);
        if (!check.ok) return check;
        if (check.override) {
          note = overrideNote(check.override);
          auditAction = APPROVE_OVERRIDE;
        }
      }
      if (!(await setCreditBatchStatus(t, batch.id, { from: batch.status, to: rule.to, version: batch.version, publishedAt }))) return { ok: false, message: CHANGED };
      await recordReviewEvent(t, { entityType: 'credit_batch', entityId: batch.id, from: batch.status, to: rule.to, actor: user, reason: note });
      await recordAudit(t, user, {
        action: auditAction,
        entityType: 'credit_batch',
        entityId: batch.id,
        before: { status: batch.status },
        after: { status: rule.to, ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}) },
        note: note || `${batch.entries} 条`,
      });
      return { ok: true };
    });
    if (!moved.ok) return moved.needsOverrideReason ? invalid({ overrideReason: OVERRIDE_REASON_MISSING }) : refuse(moved.message);
    await refreshCredit('/admin/credit/batches', `/admin/credit/batches/${batch.id}`);
    redirect(`/admin/credit/batches/${batch.id}?done=${input.action}`);
  },
);
