'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findMediaByKey } from '@/db/queries/media';
import { findBatch } from '@/db/queries/people-admin/batches';
import { createPerson, findPersonForEdit, movePerson, savePersonVersion, type PersonFields } from '@/db/queries/people-admin/people';
import { guardedAction, type ActionState, INVALID_MESSAGE } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import type { ContentStatus } from '@/db/schema';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { formatDateTime } from '@/lib/dates';
import { STATUS_LABELS, WORKFLOW, type WorkflowAction, EDITABLE_STATUSES, OVERRIDE_REASON_MISSING } from '@/lib/workflow';
import { overrideReasonField } from '@/lib/review-input';
import { editRefusal } from './access';
import { personFields, type PersonInput } from '@/lib/person-input';

const ENTITY = 'good_person';
const MISSING = '人物不存在或已被删除。';
const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();

export type PersonActionState = ActionState & { version?: number };

function refreshPages(personId?: number) {
  revalidatePath('/admin/good-people');
  if (personId) revalidatePath(`/admin/good-people/${personId}`);
}

/** The fields to store, or the errors only the database can tell (photo, batch). */
async function checkedFields(db: Db, input: PersonInput, current: { batchId: number | null; status: ContentStatus } | null, values: Record<string, string>): Promise<{ fields: PersonFields } | { refused: PersonActionState }> {
  const errors: Record<string, string> = {};
  let photoAlt: string | null = null;
  if (input.photo) {
    const media = await findMediaByKey(db, input.photo);
    if (media) photoAlt = media.alt;
    else errors.photo = '照片已从媒体库删除，请重新选择';
  }
  if (input.batchId !== (current?.batchId ?? null)) {
    if (current && !EDITABLE_STATUSES.includes(current.status)) errors.batchId = '此人物正在审核或已发布，不能更换所属榜单';
    else if (input.batchId !== null) {
      const batch = await findBatch(db, input.batchId);
      if (!batch) errors.batchId = '所选榜单不存在，请重新选择';
      else if (!EDITABLE_STATUSES.includes(batch.status)) errors.batchId = `“${batch.title}”${STATUS_LABELS[batch.status]}，不能再加入人物，请选择其他榜单`;
    }
  }
  if (Object.keys(errors).length > 0) return { refused: { fieldErrors: errors, message: INVALID_MESSAGE, values } };
  return {
    fields: {
      name: input.name,
      photo: input.photo || null,
      photoAlt,
      gender: input.gender,
      birthYear: input.birthYear,
      region: input.region,
      unit: input.unit || null,
      category: input.category,
      level: input.level,
      batchId: input.batchId,
      term: input.level === '道德模范' ? input.term : null,
      deed: input.deed,
      story: input.story,
      honors: input.honors,
    },
  };
}

/** Long text in the audit log as its length, so the log stays readable. */
function auditView(f: PersonFields): Record<string, unknown> {
  return { ...f, story: `事迹全文${Array.from(f.story).length}字` };
}

export const createGoodPerson = guardedAction('content.edit', personFields, async (input, { db, user, values }) => {
  const checked = await checkedFields(db, input, null, values);
  if ('refused' in checked) return checked.refused;
  const personId = await createPerson(db, checked.fields, user.id, (tx, newId) => recordAudit(tx, user, { action: 'good_person.create', entityType: ENTITY, entityId: newId, after: auditView(checked.fields) }));
  refreshPages();
  redirect(`/admin/good-people/${personId}?created=1`);
});

export const saveGoodPerson = guardedAction('content.edit', personFields.and(z.object({ id, version })), async (input, { db, user, values, refuse }): Promise<PersonActionState> => {
  const person = await findPersonForEdit(db, input.id);
  if (!person) return refuse(MISSING);
  const refusal = editRefusal(user, person.status);
  if (refusal) return refuse(refusal);
  const checked = await checkedFields(db, input, person, values);
  if ('refused' in checked) return checked.refused;
  const result = await savePersonVersion(db, input.id, input.version, checked.fields, user.id, {
    refusal: (current) => editRefusal(user, current.status),
    onSaved: (tx, saved) => recordAudit(tx, user, { action: 'good_person.update', entityType: ENTITY, entityId: input.id, ...changedFields(auditView(saved.before), auditView(saved.after)), note: `版本 ${saved.version}` }),
  });
  if (!result.ok) {
    if (result.reason === 'missing') return refuse(MISSING);
    if (result.reason === 'refused') return refuse(result.message);
    return {
      message: `保存失败：此人物信息已被他人于 ${formatDateTime(result.updatedAt)} 修改（现为版本 ${result.version}，您编辑的是版本 ${input.version}）。您填写的内容仍在表单中；请先复制您的修改，刷新页面查看最新内容后再保存。`,
      values,
    };
  }
  if (result.changed) await invalidate(TAGS.people);
  refreshPages(input.id);
  return { ok: true, version: result.version };
});

const AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  submit: 'good_person.submit',
  approve: 'good_person.approve',
  reject: 'good_person.reject',
  takeOffline: 'good_person.take_offline',
  forcePublish: 'good_person.force_publish',
};
/** An admin's approval of their own work, with a written reason (三审三校 overridden). */
const APPROVE_OVERRIDE = 'good_person.approve_override';

const reviewSchema = z.object({
  id,
  version,
  action: z.enum(Object.keys(WORKFLOW) as [WorkflowAction, ...WorkflowAction[]]),
  reason: z.string().trim().max(500, '理由不超过500个字').optional(),
  overrideReason: overrideReasonField,
});

/** 提交审核, 审核通过并发布, 退回修改, 下线 for people outside batches (市级好人, 道德模范). */
export const reviewGoodPerson = guardedAction('content.edit', reviewSchema, async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
  if (WORKFLOW[input.action].needsReason && !input.reason) return invalid({ reason: `请填写“${WORKFLOW[input.action].label}”的理由` });
  const result = await movePerson(db, input.id, input.action, user, {
    version: input.version,
    reason: input.reason,
    overrideReason: input.overrideReason,
    onMoved: (tx, move) =>
      recordAudit(tx, user, {
        action: move.override ? APPROVE_OVERRIDE : AUDIT_ACTIONS[input.action],
        entityType: ENTITY,
        entityId: input.id,
        before: { status: move.from },
        after: { status: move.to },
        note: move.override ?? (input.reason || null),
      }),
  });
  if (!result.ok) return result.needsOverrideReason ? invalid({ overrideReason: OVERRIDE_REASON_MISSING }) : refuse(result.message);
  await invalidate(TAGS.people);
  refreshPages(input.id);
  redirect(`/admin/good-people/${input.id}?done=${input.action}`);
});
