'use server';

// 红黑榜 bulk import actions: 预检 (dry run with a row report) and 确认导入 (all-or-nothing).
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findCreditBatch, isOpenBatch } from '@/db/queries/credit-admin/batches';
import { importCreditEntries } from '@/db/queries/credit-admin/import';
import { guardedAction, INVALID_MESSAGE } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { dropImportFile, importToken, keptFileFields, readImportFile, receiveImportFile } from '@/server/import-files';
import { checkImportFile, MAX_IMPORT_BYTES } from '@/app/(admin)/admin/credit/import/import-file';
import type { ImportActionState } from '@/app/(admin)/admin/credit/types';
import { id, refreshCredit } from '../action-helpers';

async function openBatchRefusal(db: Db, batchId: number): Promise<string | null> {
  const batch = await findCreditBatch(db, batchId);
  if (!batch) return '请选择要导入的批次。';
  if (!isOpenBatch(batch.status)) return `批次“${batch.title}”已提交审核或已发布，不能再导入。请选择草稿或已退回的批次。`;
  return null;
}

/**
 * Step 1, 预检: keeps the file on the server and reports on every row; writes nothing to the entries. The
 * form sends the kept file's token back, so a second 预检 (another batch, or after the form was reset)
 * needs no new choice of file; a newly chosen file replaces the kept one.
 */
export const previewCreditImport = guardedAction(
  'content.edit',
  z.object({ batchId: id, ...keptFileFields }),
  async (input, { db }, formData): Promise<ImportActionState> => {
    const at = Date.now();
    // The file is kept first, so that a refused batch does not cost the user their choice of file.
    const received = await receiveImportFile(formData, input, MAX_IMPORT_BYTES);
    if ('fileError' in received) return { fieldErrors: { file: received.fileError }, message: INVALID_MESSAGE, batchId: input.batchId, at };
    const { bytes, token, fileName } = received;
    const refusal = await openBatchRefusal(db, input.batchId);
    if (refusal) return { fieldErrors: { batchId: refusal }, message: INVALID_MESSAGE, batchId: input.batchId, token, fileName, at };
    const { report } = await checkImportFile(db, bytes);
    return { ok: true, report, token, batchId: input.batchId, fileName, at: Date.now() };
  },
);

/** Step 2, 确认导入: the kept file checked again; any bad row refuses the whole file (all or nothing). */
export const confirmCreditImport = guardedAction(
  'content.edit',
  z.object({ batchId: id, token: importToken(), fileName: keptFileFields.fileName }),
  async (input, { db, user }): Promise<ImportActionState> => {
    const at = Date.now();
    const bytes = await readImportFile(input.token);
    if (!bytes) return { message: '上传的文件已过期或已导入，请重新选择文件并预检。', at };
    const refusal = await openBatchRefusal(db, input.batchId);
    if (refusal) return { message: refusal, at };
    const { report, entries } = await checkImportFile(db, bytes, { countExisting: false });
    const keep = { report, token: input.token, batchId: input.batchId, fileName: input.fileName, at };
    if (report.fileError || report.problems.length > 0) return { ...keep, message: '文件中有错误行，未导入任何数据。请按报告修改文件后重新预检。' };
    const result = await importCreditEntries(db, input.batchId, entries, user.id, (tx, counts) =>
      recordAudit(tx, user, { action: 'credit.import', entityType: 'credit_batch', entityId: input.batchId, after: { rows: entries.length, ...counts }, note: input.fileName || null }),
    );
    if (!result.ok) return { ...keep, message: result.message };
    await dropImportFile(input.token);
    await refreshCredit(`/admin/credit/batches/${input.batchId}`);
    return { ok: true, batchId: input.batchId, fileName: input.fileName, imported: { inserted: result.inserted, existing: result.existing }, at };
  },
);
