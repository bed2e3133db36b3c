'use server';

// 诚信红黑榜 actions: entries, batches, bulk import and the objection workflow. Each one checks the role,
// validates with the rules in lib/credit-entry.ts, writes through db/queries/credit-admin.ts with the
// audit entry in the same transaction, and expires the public pages' cache tag.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { findCreditBatch, insertCreditBatch, isOpenBatch, setCreditBatchStatus } from '@/db/queries/credit-admin/batches';
import { createCreditEntry, findCreditEntryForEdit, setCreditEntryStatus, updateCreditEntry, type CreditEntryForEdit, type EntryChange } from '@/db/queries/credit-admin/entries';
import { importCreditEntries } from '@/db/queries/credit-admin/import';
import { findObjectionForAdmin, moveObjection, type ObjectionEntryChange } from '@/db/queries/credit-admin/objections';
import { recordReviewEvent } from '@/db/queries/workflow';
import { guardedAction, type ActionState, INVALID_MESSAGE } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import type { AuthUser } from '@/server/auth';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { validateCreditEntry, type CreditEntryDraft, type ValidCreditEntry } from '@/lib/credit-entry';
import { cityDay } from '@/lib/dates';
import { OBJECTION_WORKFLOW, transitionObjection, type ObjectionAction } from '@/lib/objection-workflow';
import { can } from '@/lib/roles';
import { transition, WORKFLOW, type WorkflowAction } from '@/lib/workflow';
import { checkImportFile, dropImportFile, keepImportFile, MAX_IMPORT_BYTES, readImportFile } from './import/import-file';
import type { ImportActionState } from './types';

const id = z.coerce.number().int().positive().max(2_000_000_000);
const version = z.coerce.number().int().positive();
const text = z.string().optional().default('');
const reasonText = z.string().trim().max(500, '理由不超过500个字').optional().default('');

async function refreshCredit(...paths: string[]) {
  await invalidate(TAGS.credit);
  revalidatePath('/admin/credit');
  for (const path of paths) revalidatePath(path);
}

/** The entry's fields as the history and the audit log show them (never the full ID number). */
function entryView(entry: Omit<ValidCreditEntry, 'dedupeKey'> | CreditEntryForEdit): Record<string, unknown> {
  return {
    list: entry.list,
    categoryId: entry.categoryId,
    subjectKind: entry.subjectKind,
    name: entry.name,
    creditCode: entry.creditCode,
    legalRep: entry.legalRep,
    idNumberMasked: entry.idNumberMasked,
    reason: entry.reason,
    amount: entry.amount,
    authority: entry.authority,
    basisDoc: entry.basisDoc,
    decisionDate: entry.decisionDate,
    listedDate: entry.listedDate,
    publicationEnd: entry.publicationEnd,
    publicationEndReason: entry.publicationEndReason,
  };
}

// -------------------------------------------------------------------------------------------- entries

const entryFields = z.object({
  categoryId: z.string().optional().default(''),
  subjectKind: text,
  name: text,
  creditCode: text,
  legalRep: text,
  idNumber: text,
  reason: text,
  amount: text,
  authority: text,
  basisDoc: text,
  decisionDate: text,
  listedDate: text,
  publicationEnd: text,
  publicationEndReason: text,
});
type EntryFields = z.infer<typeof entryFields>;

/** The list comes from the chosen category; the shared validation still checks that they agree. */
async function checkEntry(db: Db, input: EntryFields, previous?: { decisionDate: string; publicationEnd: string; categoryId: number }) {
  const categories = await listCreditCategories(db);
  const categoryId = /^\d{1,9}$/.test(input.categoryId) ? Number(input.categoryId) : null;
  const category = categories.find((c) => c.id === categoryId);
  const draft: CreditEntryDraft = { ...input, list: category?.list ?? '', categoryId };
  const checked = validateCreditEntry(draft, categories, cityDay(), previous);
  if (!checked.ok && checked.errors.list && !checked.errors.categoryId) checked.errors.categoryId = checked.errors.list;
  return checked;
}

export const createCreditEntryAction = guardedAction('content.edit', entryFields.extend({ batchId: id }), async (input, { db, user, invalid, refuse }) => {
  const checked = await checkEntry(db, input);
  if (!checked.ok) return invalid(checked.errors);
  const created = await createCreditEntry(db, input.batchId, checked.entry, (tx, entryId) =>
    recordAudit(tx, user, { action: 'credit_entry.create', entityType: 'credit_entry', entityId: entryId, after: { ...entryView(checked.entry), batchId: input.batchId } }),
  );
  if (!created.ok) return refuse(created.message);
  await refreshCredit(`/admin/credit/batches/${input.batchId}`);
  redirect(`/admin/credit/entries/${created.id}?done=created`);
});

export const saveCreditEntry = guardedAction('content.edit', entryFields.extend({ id, version }), async (input, { db, user, invalid, refuse }) => {
  const current = await findCreditEntryForEdit(db, input.id);
  if (!current) return refuse('条目不存在。');
  // Entries of a batch under review or published change what citizens see: a reviewer's decision.
  if (current.batchStatus !== 'draft' && current.batchStatus !== 'rejected' && !can(user.role, 'content.review')) {
    return refuse('该条目所在批次已提交审核或已发布，只有审核人员可以修改。您填写的内容仍保留在表单中。');
  }
  const checked = await checkEntry(db, input, current);
  if (!checked.ok) return invalid(checked.errors);
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

// -------------------------------------------------------------------------------------------- batches

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

// --------------------------------------------------------------------------------------------- import

async function openBatchRefusal(db: Db, batchId: number): Promise<string | null> {
  const batch = await findCreditBatch(db, batchId);
  if (!batch) return '请选择要导入的批次。';
  if (!isOpenBatch(batch.status)) return `批次“${batch.title}”已提交审核或已发布，不能再导入。请选择草稿或已退回的批次。`;
  return null;
}

/** Step 1, 预检: keeps the file on the server and reports on every row; writes nothing to the entries. */
export const previewCreditImport = guardedAction('content.edit', z.object({ batchId: id }), async (input, { db }, formData): Promise<ImportActionState> => {
  const file = formData.get('file');
  const at = Date.now();
  if (!(file instanceof File) || file.size === 0) return { fieldErrors: { file: '请选择要导入的 CSV 或 XLSX 文件' }, message: INVALID_MESSAGE, at };
  if (file.size > MAX_IMPORT_BYTES) return { fieldErrors: { file: '文件不能超过30MB，请分成几个文件导入' }, message: INVALID_MESSAGE, at };
  const refusal = await openBatchRefusal(db, input.batchId);
  if (refusal) return { fieldErrors: { batchId: refusal }, message: INVALID_MESSAGE, at };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const token = await keepImportFile(bytes);
  const { report } = await checkImportFile(db, bytes);
  return { ok: true, report, token, batchId: input.batchId, fileName: file.name.slice(0, 200), at: Date.now() };
});

/** Step 2, 确认导入: the kept file checked again; any bad row refuses the whole file (all or nothing). */
export const confirmCreditImport = guardedAction(
  'content.edit',
  z.object({ batchId: id, token: z.string().regex(/^[0-9a-f]{32}$/), fileName: z.string().max(200).optional().default('') }),
  async (input, { db, user }): Promise<ImportActionState> => {
    const at = Date.now();
    const bytes = await readImportFile(input.token);
    if (!bytes) return { message: '上传的文件已过期或已导入，请重新选择文件并预检。', at };
    const refusal = await openBatchRefusal(db, input.batchId);
    if (refusal) return { message: refusal, at };
    const { report, entries } = await checkImportFile(db, bytes, { countExisting: false });
    const keep = { report, token: input.token, batchId: input.batchId, fileName: input.fileName, at };
    if (report.fileError || report.problems.length > 0) return { ...keep, message: '文件中有错误行，未导入任何数据。请按报告修改文件后重新预检。' };
    const result = await importCreditEntries(db, input.batchId, entries, (tx, counts) =>
      recordAudit(tx, user, { action: 'credit.import', entityType: 'credit_batch', entityId: input.batchId, after: { rows: entries.length, ...counts }, note: input.fileName || null }),
    );
    if (!result.ok) return { ...keep, message: result.message };
    await dropImportFile(input.token);
    await refreshCredit(`/admin/credit/batches/${input.batchId}`);
    return { ok: true, batchId: input.batchId, fileName: input.fileName, imported: { inserted: result.inserted, existing: result.existing }, at };
  },
);

// ----------------------------------------------------------------------------------------- objections

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
export const moveCreditObjection = guardedAction('content.edit', objectionSchema, async (input, { db, user, invalid, refuse }): Promise<ActionState> => {
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
      const checked = validateCreditEntry(modifiedDraft(objection.entry, input), await listCreditCategories(db), cityDay(), objection.entry);
      if (!checked.ok) return invalid(checked.errors);
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
