'use server';

// 责任单位 (admins): create and edit units with the 片区/网格 they answer for. Each change is audited in its
// transaction; the public unit pages and the 随手拍 area choices follow the ledger's cache tag.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { findUnitForEdit, insertUnit, unitNameTaken, updateUnitRow } from '@/db/queries/ledger/staff-extra';
import { idField, unitFields } from '@/lib/ledger-input';
import { guardedAction, type ActionState } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';

export const createUnit = guardedAction('units.manage', unitFields.omit({ active: true }), async (input, { db, user, invalid }): Promise<ActionState> => {
  const result = await db.transaction(async (tx) => {
    if (await unitNameTaken(tx, input.name)) return invalid({ name: '已有同名单位' });
    if (input.parentId && !(await findUnitForEdit(tx, input.parentId))) return invalid({ parentId: '上级单位不存在，请重新选择' });
    const created = await insertUnit(tx, input);
    await recordAudit(tx, user, { action: 'unit.create', entityType: 'unit', entityId: created.id, after: { name: created.name, kind: created.kind, parentId: created.parentId, areas: created.areas } });
    return { ok: true, id: created.id };
  });
  if (!('id' in result)) return result;
  await invalidate(TAGS.ledger);
  revalidatePath('/admin/units');
  redirect(`/admin/units/${result.id}?done=created`);
});

export const updateUnit = guardedAction(
  'units.manage',
  unitFields.extend({ id: idField('单位不存在，请刷新页面后重试') }),
  async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
    const result = await db.transaction(async (tx): Promise<ActionState> => {
      const before = await findUnitForEdit(tx, input.id);
      if (!before) return refuse('单位不存在或已被删除。');
      if (input.name !== before.name && (await unitNameTaken(tx, input.name))) return invalid({ name: '已有同名单位' });
      if (input.parentId === input.id) return invalid({ parentId: '上级单位不能是本单位' });
      if (input.parentId && !(await findUnitForEdit(tx, input.parentId))) return invalid({ parentId: '上级单位不存在，请重新选择' });
      const after = await updateUnitRow(tx, input.id, { name: input.name, kind: input.kind, parentId: input.parentId, areas: input.areas, active: input.active });
      if (after === 'cycle') return invalid({ parentId: '不能选择本单位的下级单位作为上级' });
      const diff = changedFields(before, after);
      if (Object.keys(diff.after).length > 0) await recordAudit(tx, user, { action: 'unit.update', entityType: 'unit', entityId: input.id, ...diff });
      return { ok: true };
    });
    if (result.ok) {
      await invalidate(TAGS.ledger);
      revalidatePath('/admin/units');
      revalidatePath(`/admin/units/${input.id}`);
    }
    return result;
  },
);
