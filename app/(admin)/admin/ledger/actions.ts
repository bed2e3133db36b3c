'use server';

// 批量交办 from the staff list: the ticked accepted items to one unit in one transaction, each an event and
// an audit row of its own (db/queries/ledger/ledger-admin/transition.ts bulkAssign).
import { revalidatePath } from 'next/cache';
import { bulkAssign } from '@/db/queries/ledger/ledger-admin/transition';
import { bulkAssignFields } from '@/lib/ledger-input';
import { fieldErrorsOf, guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';

export const bulkAssignIssues = guardedAction('ledger.manage', bulkAssignFields.omit({ nos: true }), async (input, { db, user, invalid, refuse }, formData): Promise<ActionState> => {
  // Ticked checkboxes repeat one name: read them all (the parsed form keeps only the last).
  const nos = bulkAssignFields.shape.nos.safeParse(formData.getAll('nos').filter((v) => typeof v === 'string'));
  if (!nos.success) return invalid({ nos: fieldErrorsOf(nos.error)._form ?? Object.values(fieldErrorsOf(nos.error))[0] ?? '请至少勾选一个问题' });
  const result = await bulkAssign(db, user, nos.data, { unitId: input.unitId, urgent: input.urgent, publicNote: input.publicNote }, (tx, done) =>
    recordAudit(tx, user, { action: 'issue.bulk_assign', entityType: 'issue', entityId: done.issueId, before: done.before, after: done.after, note: `批量交办${done.note ? `：${done.note}` : ''}` }),
  );
  if (result.assigned.length === 0) return refuse(`没有交办任何问题：${result.skipped.map((s) => `${s.no} ${s.message}`).join('；')}`);
  await invalidate(TAGS.ledger);
  revalidatePath('/admin/ledger');
  const skipped = result.skipped.length > 0 ? `；${result.skipped.length} 个未交办：${result.skipped.map((s) => `${s.no} ${s.message}`).join('；')}` : '';
  return { ok: true, message: skipped ? `已交办 ${result.assigned.length} 个问题${skipped}` : undefined };
});
