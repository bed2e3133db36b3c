'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createBatch, findBatch, findBatchByMonth, moveBatch, setPersonBatch, updateBatchDetails } from '@/db/queries/people-admin/batches';
import { defaultBatchTitle } from '@/db/queries/people-admin/people';
import { guardedAction, type ActionState } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { visibleText } from '@/lib/citizen-input';
import { OVERRIDE_REASON_MISSING, WORKFLOW, type WorkflowAction } from '@/lib/workflow';
import { overrideReasonField } from '@/lib/review-input';
import { editRefusal } from '../access';

const ENTITY = 'people_batch';
const MISSING = '榜单不存在或已被删除。';
const id = z.coerce.number().int().positive();
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function refreshPages(batchId?: number) {
  revalidatePath('/admin/good-people/batches');
  revalidatePath('/admin/good-people');
  if (batchId) revalidatePath(`/admin/good-people/batches/${batchId}`);
}

const createSchema = z.object({
  month: z
    .string()
    .trim()
    .refine((v) => MONTH.test(v) && Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100, '请填写榜单月份，格式为 年-月，如 2026-03'),
  title: z.string().trim().max(60, '榜单名称不超过60个字').optional().default(''),
});

/** 新建月度榜单: one per month; the title defaults to “YYYY年M月 身边好人榜”. */
export const createPeopleBatch = guardedAction('content.edit', createSchema, async (input, { db, user, invalid }) => {
  const title = input.title || defaultBatchTitle(input.month);
  const created = await db.transaction(async (tx) => {
    const row = await createBatch(tx, { month: input.month, title }, user.id);
    if (row) await recordAudit(tx, user, { action: 'people_batch.create', entityType: ENTITY, entityId: row.id, after: { month: row.month, title: row.title } });
    return row;
  });
  if (!created) {
    const existing = await findBatchByMonth(db, input.month);
    return invalid({ month: `${input.month} 的榜单已存在（${existing?.title ?? ''}），每月只有一个榜单，请直接打开它` });
  }
  await invalidate(TAGS.people);
  refreshPages();
  redirect(`/admin/good-people/batches/${created.id}?created=1`);
});

const detailsSchema = z
  .object({
    id,
    version: id,
    title: visibleText('榜单名称', 4, 60),
    votingStart: z.string().trim().refine((v) => v === '' || DAY.test(v), '请选择开始日期'),
    votingEnd: z.string().trim().refine((v) => v === '' || DAY.test(v), '请选择结束日期'),
  })
  .superRefine((v, ctx) => {
    if (v.votingStart && !v.votingEnd) ctx.addIssue({ code: 'custom', path: ['votingEnd'], message: '请同时填写点赞评议的结束日期' });
    if (!v.votingStart && v.votingEnd) ctx.addIssue({ code: 'custom', path: ['votingStart'], message: '请同时填写点赞评议的开始日期' });
    if (v.votingStart && v.votingEnd && v.votingEnd < v.votingStart) ctx.addIssue({ code: 'custom', path: ['votingEnd'], message: '结束日期不能早于开始日期' });
  });

/** 榜单名称 and the 点赞评议 window (start and end days, city time, inclusive). */
export const updatePeopleBatch = guardedAction('content.edit', detailsSchema, async (input, { db, user, refuse }): Promise<ActionState> => {
  const batch = await findBatch(db, input.id);
  if (!batch) return refuse(MISSING);
  const refusal = editRefusal(user, batch.status);
  if (refusal) return refuse(refusal.replace('此人物', '此榜单'));
  const after = { title: input.title, votingStart: input.votingStart || null, votingEnd: input.votingEnd || null };
  const diff = changedFields({ title: batch.title, votingStart: batch.votingStart, votingEnd: batch.votingEnd }, after);
  if (Object.keys(diff.after).length === 0) return { ok: true };
  const saved = await db.transaction(async (tx) => {
    if (!(await updateBatchDetails(tx, input.id, input.version, after, user.id))) return false;
    await recordAudit(tx, user, { action: 'people_batch.update', entityType: ENTITY, entityId: input.id, ...diff });
    return true;
  });
  if (!saved) return refuse('保存失败：榜单刚被他人修改。您填写的内容仍在表单中，请刷新页面查看最新内容后再保存。');
  await invalidate(TAGS.people);
  refreshPages(input.id);
  return { ok: true };
});

/** The person was moved elsewhere meanwhile: roll the removal back. */
class NotInBatch extends Error {}

const membershipSchema = z.object({ batchId: id, personId: z.coerce.number({ error: '请选择要加入的人物' }).int().positive('请选择要加入的人物') });

/** 加入榜单: an unpublished person (from no batch or another open batch) into this open batch. */
export const addPersonToBatch = guardedAction('content.edit', membershipSchema, async (input, { db, user, refuse }): Promise<ActionState> => {
  const result = await setPersonBatch(db, input.personId, input.batchId, user.id, (tx, before) =>
    recordAudit(tx, user, { action: 'good_person.batch_add', entityType: 'good_person', entityId: input.personId, before: { batchId: before }, after: { batchId: input.batchId } }),
  );
  if (!result.ok) return refuse(result.message);
  await invalidate(TAGS.people);
  refreshPages(input.batchId);
  if (result.before) revalidatePath(`/admin/good-people/batches/${result.before}`);
  return { ok: true };
});

/** 移出榜单: the person stays as an unassigned draft. */
export const removePersonFromBatch = guardedAction('content.edit', membershipSchema, async (input, { db, user }): Promise<ActionState> => {
  const result = await setPersonBatch(db, input.personId, null, user.id, async (tx, before) => {
    if (before !== input.batchId) throw new NotInBatch();
    await recordAudit(tx, user, { action: 'good_person.batch_remove', entityType: 'good_person', entityId: input.personId, before: { batchId: before }, after: { batchId: null } });
  }).catch((error: unknown) => {
    if (error instanceof NotInBatch) return { ok: false as const, message: '此人已不在该榜单中，请刷新页面。' };
    throw error;
  });
  if (!result.ok) return { message: result.message };
  await invalidate(TAGS.people);
  refreshPages(input.batchId);
  return { ok: true };
});

const AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  submit: 'people_batch.submit',
  approve: 'people_batch.approve',
  reject: 'people_batch.reject',
  takeOffline: 'people_batch.take_offline',
  forcePublish: 'people_batch.force_publish',
};
/** An admin's approval of a batch they changed or submitted, with a written reason (三审三校 overridden). */
const APPROVE_OVERRIDE = 'people_batch.approve_override';

const reviewSchema = z.object({
  id,
  action: z.enum(['submit', 'approve', 'reject', 'takeOffline']),
  reason: z.string().trim().max(500, '理由不超过500个字').optional(),
  overrideReason: overrideReasonField,
});

/** The whole batch and its people move together: 提交审核, 审核通过并发布, 退回修改, 下线. */
export const reviewPeopleBatch = guardedAction('content.edit', reviewSchema, async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
  if (WORKFLOW[input.action].needsReason && !input.reason) return invalid({ reason: `请填写“${WORKFLOW[input.action].label}”的理由` });
  const result = await moveBatch(db, input.id, input.action, user, {
    reason: input.reason,
    overrideReason: input.overrideReason,
    onMoved: (tx, move) =>
      recordAudit(tx, user, {
        action: move.override ? APPROVE_OVERRIDE : AUDIT_ACTIONS[input.action],
        entityType: ENTITY,
        entityId: input.id,
        before: { status: move.from },
        after: { status: move.to, peopleIds: move.people.map((p) => p.id), ...(move.publishedAt ? { publishedAt: move.publishedAt.toISOString() } : {}) },
        note: move.override ?? (input.reason || null),
      }),
  });
  if (!result.ok) return result.needsOverrideReason ? invalid({ overrideReason: OVERRIDE_REASON_MISSING }) : refuse(result.message);
  await invalidate(TAGS.people);
  refreshPages(input.id);
  redirect(`/admin/good-people/batches/${input.id}?done=${input.action}`);
});
