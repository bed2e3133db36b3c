'use server';

// 红黑榜 release batch actions: create, and review as a whole (submit, approve, reject, take offline).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findCreditBatch, insertCreditBatch, setCreditBatchStatus } from '@/db/queries/credit-admin/batches';
import { recordReviewEvent } from '@/db/queries/workflow';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { transition, WORKFLOW, type WorkflowAction } from '@/lib/workflow';
import { id, reasonText, refreshCredit, version } from '../action-helpers';

const batchTitle = z
  .string()
  .trim()
  .min(1, '请填写批次名称，如“2026年第5期”')
  .max(40, '批次名称不超过40个字')
  .refine((t) => !/\p{Cc}/u.test(t), '批次名称不能包含控制字符');

export const createCreditBatch = guardedAction('content.edit', z.object({ title: batchTitle }), async (input, { db, user, invalid }) => {
  const batchId = await insertCreditBatch(db, input.title, (tx, newId) => recordAudit(tx, user, { action: 'credit_batch.create', entityType: 'credit_batch', entityId: newId, after: { title: input.title, status: 'draft' } }));
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

/** 提交审核, 审核通过并发布 (the whole batch at once), 退回修改, 下线, 强制发布. */
export const reviewCreditBatch = guardedAction(
  'content.edit',
  z.object({ id, version, action: z.enum(Object.keys(WORKFLOW) as [WorkflowAction, ...WorkflowAction[]]), reason: reasonText }),
  async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
    const batch = await findCreditBatch(db, input.id);
    if (!batch) return refuse('批次不存在。');
    if (batch.version !== input.version) return refuse('该批次刚被他人更改，请刷新页面查看最新状态后再操作。');
    if (WORKFLOW[input.action].needsReason && !input.reason) return invalid({ reason: `请填写“${WORKFLOW[input.action].label}”的理由` });
    const rule = transition(batch.status, input.action, user.role, input.reason);
    if (!rule.ok) return refuse(rule.message);
    if (input.action === 'submit' && batch.entries === 0) return refuse('该批次还没有条目，不能提交审核。请先添加或导入条目。');
    const publishedAt = rule.to === 'published' ? new Date() : null;
    const moved = await db.transaction(async (t) => {
      if (!(await setCreditBatchStatus(t, batch.id, { from: batch.status, to: rule.to, version: batch.version, publishedAt }))) return false;
      await recordReviewEvent(t, { entityType: 'credit_batch', entityId: batch.id, from: batch.status, to: rule.to, actor: user, reason: input.reason || null });
      await recordAudit(t, user, {
        action: BATCH_AUDIT[input.action],
        entityType: 'credit_batch',
        entityId: batch.id,
        before: { status: batch.status },
        after: { status: rule.to, ...(publishedAt ? { publishedAt: publishedAt.toISOString() } : {}) },
        note: input.reason || `${batch.entries} 条`,
      });
      return true;
    });
    if (!moved) return refuse('该批次刚被他人更改，请刷新页面查看最新状态后再操作。');
    await refreshCredit('/admin/credit/batches', `/admin/credit/batches/${batch.id}`);
    redirect(`/admin/credit/batches/${batch.id}?done=${input.action}`);
  },
);
