'use server';

// 督查 bulk import: 预检 (dry run with a row report) and 确认导入 (all or nothing, one transaction, one audit
// row for the file and events per item: db/queries/ledger/ledger-admin/import.ts). The file waits between
// the steps in the private file store, as the 红黑榜 import's does (server/import-files.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findExistingFindings, importInspectionFindings } from '@/db/queries/ledger/ledger-admin/import';
import { listAreaOptions, listCategoryOptions, listUnitOptions } from '@/db/queries/ledger/staff-extra';
import { checkInspectionRows, type InspectionFinding } from '@/lib/ledger-import';
import { guardedAction, INVALID_MESSAGE } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { dropImportFile, importReport, importToken, keptFileFields, readImportFile, readImportRows, receiveImportFile, type ImportReport, type ImportState } from '@/server/import-files';

const MAX_BYTES = 10 * 1024 * 1024;

/** Reads and checks a file (lib/ledger-import.ts) and counts the findings already in the ledger; writes nothing. */
async function checkFile(db: Db, bytes: Uint8Array): Promise<{ report: ImportReport; findings: InspectionFinding[] }> {
  const read = await readImportRows(bytes);
  if ('report' in read) return { report: read.report, findings: [] };
  const [categories, units, areas] = await Promise.all([listCategoryOptions(db), listUnitOptions(db), listAreaOptions(db)]);
  const check = checkInspectionRows(read.rows, categories, units, areas);
  const findings = check.valid.map((v) => v.finding);
  const existing = await findExistingFindings(db, findings);
  return { findings, report: importReport(check, { valid: findings.length, existing: existing.size }) };
}

export const previewIssueImport = guardedAction('ledger.enter', z.object(keptFileFields), async (input, { db }, formData): Promise<ImportState> => {
  const at = Date.now();
  const received = await receiveImportFile(formData, input, MAX_BYTES);
  if ('fileError' in received) return { fieldErrors: { file: received.fileError }, message: INVALID_MESSAGE, at };
  const { report } = await checkFile(db, received.bytes);
  return { ok: true, report, token: received.token, fileName: received.fileName, at: Date.now() };
});

export const confirmIssueImport = guardedAction(
  'ledger.enter',
  z.object({ token: importToken('请先上传文件并预检'), fileName: keptFileFields.fileName }),
  async (input, { db, user }): Promise<ImportState> => {
    const at = Date.now();
    const bytes = await readImportFile(input.token);
    if (!bytes) return { message: '上传的文件已过期或已导入，请重新选择文件并预检。', at };
    const keep = { token: input.token, fileName: input.fileName, at };
    const { report, findings } = await checkFile(db, bytes);
    if (report.fileError || report.problems.length > 0) return { ...keep, report, message: '文件中有错误行，未导入任何问题。请按报告修改文件后重新预检。' };
    // One transaction; a finding imported meanwhile is skipped there, not doubled.
    const result = await importInspectionFindings(db, user, findings, (tx, done) =>
      done.inserted === 0
        ? Promise.resolve()
        : recordAudit(tx, user, {
            action: 'issue.import',
            entityType: 'issue',
            after: { inserted: done.inserted, existing: done.existing, nos: done.nos.length > 20 ? [...done.nos.slice(0, 20), `…共${done.nos.length}个`] : done.nos },
            note: input.fileName || null,
          }),
    );
    await dropImportFile(input.token);
    await invalidate(TAGS.ledger);
    revalidatePath('/admin/ledger');
    return { ok: true, fileName: input.fileName, imported: { inserted: result.inserted, existing: result.existing }, at };
  },
);
