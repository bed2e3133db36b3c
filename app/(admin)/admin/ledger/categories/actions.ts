'use server';

// 问题类别 (admins): create or change a category's default unit, deadlines and photo rule, audited.
import { revalidatePath } from 'next/cache';
import { categoryFields, idField } from '@/lib/ledger-input';
import { categoryNameTaken, findCategoryForEdit, findUnitForEdit, insertCategory, updateCategoryRow } from '@/db/queries/ledger/staff-extra';
import { guardedAction, type ActionState } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';

const categorySchema = categoryFields.extend({ id: idField('该类别不存在，请刷新页面后重试').optional() });

export const saveCategory = guardedAction('units.manage', categorySchema, async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
  const values = { name: input.name, defaultUnitId: input.defaultUnitId, deadlineDays: input.deadlineDays, urgentHours: input.urgentHours, sortOrder: input.sortOrder, photosPublic: input.photosPublic };
  const result = await db.transaction(async (tx): Promise<ActionState> => {
    if (values.defaultUnitId && !(await findUnitForEdit(tx, values.defaultUnitId))) return invalid({ defaultUnitId: '该单位不存在，请重新选择' });
    if (input.id === undefined) {
      if (await categoryNameTaken(tx, values.name)) return invalid({ name: '已有同名类别' });
      const created = await insertCategory(tx, values);
      await recordAudit(tx, user, { action: 'issue_category.create', entityType: 'issue_category', entityId: created.id, after: values });
      return { ok: true };
    }
    const before = await findCategoryForEdit(tx, input.id);
    if (!before) return refuse('该类别不存在，请刷新页面后重试。');
    if (values.name !== before.name && (await categoryNameTaken(tx, values.name))) return invalid({ name: '已有同名类别' });
    await updateCategoryRow(tx, input.id, values);
    const diff = changedFields(before, values);
    if (Object.keys(diff.after).length > 0) await recordAudit(tx, user, { action: 'issue_category.update', entityType: 'issue_category', entityId: input.id, ...diff });
    return { ok: true };
  });
  if (result.ok) {
    await invalidate(TAGS.ledger);
    revalidatePath('/admin/ledger/categories');
  }
  return result;
});
