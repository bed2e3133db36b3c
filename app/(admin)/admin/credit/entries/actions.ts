'use server';

// 红黑榜 entry actions: create, save a new version, remove / revoke / restore. Each checks the role, validates with lib/credit-entry.ts, writes with its audit entry in one transaction and expires the public pages' cache tag.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createCreditEntry, findCreditEntryForEdit, setCreditEntryStatus, updateCreditEntry } from '@/db/queries/credit-admin/entries';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { can } from '@/lib/roles';
import { checkEntry, entryFields, entryView, id, reasonText, refreshCredit, version } from '../action-helpers';

export const createCreditEntryAction = guardedAction('content.edit', entryFields.extend({ batchId: id }), async (input, { db, user, values, invalid, refuse, maskPii }) => {
  const checked = await checkEntry(db, input, null, { maskPii, values });
  if (!checked.ok) return invalid(checked.errors, checked.piiFields);
  const created = await createCreditEntry(db, input.batchId, checked.entry, user.id, (tx, entryId) =>
    recordAudit(tx, user, { action: 'credit_entry.create', entityType: 'credit_entry', entityId: entryId, after: { ...entryView(checked.entry), batchId: input.batchId } }),
  );
  if (!created.ok) return refuse(created.message);
  await refreshCredit(`/admin/credit/batches/${input.batchId}`);
  redirect(`/admin/credit/entries/${created.id}?done=created`);
});

export const saveCreditEntry = guardedAction('content.edit', entryFields.extend({ id, version }), async (input, { db, user, values, invalid, refuse, maskPii }) => {
  const current = await findCreditEntryForEdit(db, input.id);
  if (!current) return refuse('条目不存在。');
  // Entries of a batch under review or published change what citizens see: a reviewer's decision.
  if (current.batchStatus !== 'draft' && current.batchStatus !== 'rejected' && !can(user.role, 'content.review')) {
    return refuse('该条目所在批次已提交审核或已发布，只有审核人员可以修改。您填写的内容仍保留在表单中。');
  }
  const checked = await checkEntry(db, input, current, { maskPii, values });
  if (!checked.ok) return invalid(checked.errors, checked.piiFields);
  const saved = await updateCreditEntry(db, input.id, input.version, checked.entry, user, (tx, change) =>
    recordAudit(tx, user, { action: 'credit_entry.update', entityType: 'credit_entry', entityId: input.id, before: change.before, after: change.after, note: `版本 ${change.version}` }),
  );
  if (!saved.ok) return refuse(saved.message);
  await refreshCredit(`/admin/credit/entries/${input.id}`);
  redirect(`/admin/credit/entries/${input.id}?done=saved`);
});

const STATUS_ACTIONS = { removed: 'credit_entry.remove', revoked: 'credit_entry.revoke', public: 'credit_entry.restore' } as const;

/** 移出 and 撤销 (with a reason, kept on the entry) and 恢复公示: reviewers' decisions. */
export const changeCreditEntryStatus = guardedAction(
  'content.review',
  z.object({ id, version, to: z.enum(['removed', 'revoked', 'public']), reason: reasonText }),
  async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
    if (input.to !== 'public' && !input.reason) return invalid({ reason: input.to === 'removed' ? '请填写移出原因' : '请填写撤销原因' });
    const changed = await setCreditEntryStatus(db, input.id, input.version, input.to, input.reason || null, user, (tx, change) =>
      recordAudit(tx, user, { action: STATUS_ACTIONS[input.to], entityType: 'credit_entry', entityId: input.id, before: change.before, after: change.after, note: input.reason || null }),
    );
    if (!changed.ok) return refuse(changed.message);
    await refreshCredit(`/admin/credit/entries/${input.id}`);
    redirect(`/admin/credit/entries/${input.id}?done=${input.to}`);
  },
);
