'use server';

// Objection / credit-repair workflow actions; a passed objection changes or removes the entry with its history.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import type { CreditEntryForEdit, EntryChange } from '@/db/queries/credit-admin/entries';
import { findObjectionForAdmin, moveObjection, type ObjectionEntryChange } from '@/db/queries/credit-admin/objections';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import type { AuthUser } from '@/server/auth';
import { maskCreditDraft, validateCreditEntry, type CreditEntryDraft } from '@/lib/credit-entry';
import { cityDay } from '@/lib/dates';
import { OBJECTION_WORKFLOW, transitionObjection, type ObjectionAction } from '@/lib/objection-workflow';
import { id, refreshCredit } from '../action-helpers';

const OBJECTION_AUDIT: Record<ObjectionAction, string> = {
  accept: 'credit_objection.accept',
  pass: 'credit_objection.pass',
  fail: 'credit_objection.fail',
  complete: 'credit_objection.complete',
};

const objectionSchema = z.object({
  id,
  from: z.enum(['submitted', 'verifying', 'passed', 'failed', 'completed']),
  action: z.enum(['accept', 'pass', 'fail', 'complete']),
  note: z.string().trim().max(1000, '处理意见不超过1000个字').optional().default(''),
  outcome: z.enum(['modify', 'remove']).optional(),
  entryVersion: z.coerce.number().int().positive().optional(),
  name: z.string().optional(),
  reason: z.string().optional(),
  amount: z.string().optional(),
  authority: z.string().optional(),
  basisDoc: z.string().optional(),
  publicationEnd: z.string().optional(),
  publicationEndReason: z.string().optional(),
});

/** The entry as a draft with the fields a passed objection may change replaced. */
function modifiedDraft(entry: CreditEntryForEdit, input: z.infer<typeof objectionSchema>): CreditEntryDraft {
  return {
    list: entry.list,
    categoryId: entry.categoryId,
    subjectKind: entry.subjectKind,
    name: input.name ?? entry.name,
    creditCode: entry.creditCode ?? '',
    legalRep: entry.legalRep ?? '',
    idNumber: entry.idNumber ?? '',
    reason: input.reason ?? entry.reason,
    amount: input.amount ?? entry.amount ?? '',
    authority: input.authority ?? entry.authority,
    basisDoc: input.basisDoc ?? entry.basisDoc,
    decisionDate: entry.decisionDate,
    listedDate: entry.listedDate,
    publicationEnd: input.publicationEnd ?? entry.publicationEnd,
    publicationEndReason: input.publicationEndReason ?? entry.publicationEndReason ?? '',
  };
}

/** 受理, 核实通过 / 核实未通过, 完成 (applying a passed objection's outcome to the entry in the same transaction). */
export const moveCreditObjection = guardedAction('content.edit', objectionSchema, async (input, { db, user, invalid, refuse, maskPii }): Promise<ActionState> => {
  const objection = await findObjectionForAdmin(db, input.id);
  if (!objection) return refuse('申请不存在。');
  if (objection.status !== input.from) return refuse('该申请的状态刚被他人更改，请刷新页面查看最新进度。');
  const outcome = input.action === 'complete' && objection.status === 'passed' ? (input.outcome ?? null) : null;
  const rule = transitionObjection(objection.status, input.action, user.role, input.note, outcome);
  if (!rule.ok) {
    if (OBJECTION_WORKFLOW[input.action].needsNote && !input.note) return invalid({ note: '请填写处理意见（申请人可在进度查询中看到）' });
    if (input.action === 'complete' && objection.status === 'passed' && !outcome) return invalid({ outcome: '请选择处理结果' });
    return refuse(rule.message);
  }

  let entryChange: ObjectionEntryChange | null = null;
  if (outcome) {
    // The entry as the reviewer saw it: a change made meanwhile refuses the step instead of being overwritten.
    if (input.entryVersion === undefined) return refuse('页面已过期，请刷新后再完成。');
    const baseVersion = input.entryVersion;
    if (outcome === 'remove') {
      if (objection.entry.status !== 'public') return refuse('条目已不在公示状态，不能再移出。请选择“修改条目”或刷新页面。');
      entryChange = { kind: 'remove', reason: input.note, baseVersion };
    } else {
      const draft = modifiedDraft(objection.entry, input);
      const checked = validateCreditEntry(maskPii ? maskCreditDraft(draft) : draft, await listCreditCategories(db), cityDay(), objection.entry);
      if (!checked.ok) return invalid(checked.errors, checked.piiFields);
      entryChange = { kind: 'modify', entry: checked.entry, baseVersion };
    }
  }

  const moved = await moveObjection(db, { id: objection.id, from: objection.status, to: rule.to, note: input.note || null, actor: user, outcome, entryChange }, (tx, change) =>
    auditObjectionStep(tx, user, { objectionId: objection.id, entryId: objection.entryId, action: input.action, from: objection.status, to: rule.to, note: input.note, outcome, change }),
  );
  if (!moved.ok) return refuse(moved.message);
  if (moved.entryChange) await refreshCredit(`/admin/credit/entries/${objection.entryId}`);
  revalidatePath('/admin/credit/objections');
  redirect(`/admin/credit/objections/${objection.id}?done=${input.action}`);
});

async function auditObjectionStep(
  tx: Db,
  user: AuthUser,
  step: { objectionId: number; entryId: number; action: ObjectionAction; from: string; to: string; note: string; outcome: string | null; change: EntryChange | null },
) {
  await recordAudit(tx, user, {
    action: OBJECTION_AUDIT[step.action],
    entityType: 'credit_objection',
    entityId: step.objectionId,
    before: { status: step.from },
    after: { status: step.to, ...(step.outcome ? { outcome: step.outcome } : {}) },
    note: step.note || null,
  });
  if (step.change) {
    await recordAudit(tx, user, {
      action: step.outcome === 'remove' ? 'credit_entry.objection_remove' : 'credit_entry.objection_modify',
      entityType: 'credit_entry',
      entityId: step.entryId,
      before: step.change.before,
      after: step.change.after,
      note: `异议申请 ${step.objectionId}：${step.note}`,
    });
  }
}
