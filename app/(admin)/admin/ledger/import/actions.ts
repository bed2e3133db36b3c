'use server';

// 督查 bulk import: 预检 (dry run with a row report) and 确认导入 (all or nothing, one transaction, one audit
// row for the file and events per item: db/queries/ledger/ledger-admin/import.ts). The file waits between the steps in the private file store,
// as the 红黑榜 import's does (app/(admin)/admin/credit/import/import-file.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findExistingFindings, importInspectionFindings } from '@/db/queries/ledger/ledger-admin/import';
import { listAreaOptions, listCategoryOptions, listUnitOptions } from '@/db/queries/ledger/staff-extra';
import { checkInspectionRows, findingKey, readSpreadsheet, type InspectionFinding } from '@/lib/ledger-import';
import { guardedAction, INVALID_MESSAGE, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { dropImportFile, keepImportFile, readImportFile } from '../../credit/import/import-file';
import { fileProblem, type IssueImportReport } from './import-report';

const MAX_BYTES = 10 * 1024 * 1024;
const TOKEN = /^[0-9a-f]{32}$/;

export type IssueImportState = ActionState & {
  report?: IssueImportReport;
  token?: string;
  fileName?: string;
  imported?: { inserted: number; existing: number };
  at?: number;
};

/** Reads and checks a file (lib/ledger-import.ts) and counts the findings already in the ledger; writes nothing. */
async function checkFile(db: Db, bytes: Uint8Array): Promise<{ report: IssueImportReport; findings: InspectionFinding[] }> {
  let rows;
  try {
    rows = await readSpreadsheet(bytes);
  } catch {
    return { report: fileProblem('无法读取该文件。请上传 CSV（UTF-8 或 GBK 编码）或 XLSX 文件，可先下载导入模板。'), findings: [] };
  }
  const [categories, units, areas] = await Promise.all([listCategoryOptions(db), listUnitOptions(db), listAreaOptions(db)]);
  const check = checkInspectionRows(rows, categories, units, areas);
  const findings = check.valid.map((v) => v.finding);
  const existing = await findExistingFindings(db, findings);
  const fresh = findings.filter((f) => !existing.has(findingKey(f))).length;
  return {
    findings,
    report: {
      fileError: check.fileError,
      ignoredColumns: check.ignoredColumns,
      totalRows: check.totalRows,
      newCount: fresh,
      existingCount: findings.length - fresh,
      invalidCount: check.invalidCount,
      duplicateCount: check.duplicateCount,
      problems: check.problems,
    },
  };
}

export const previewIssueImport = guardedAction(
  'ledger.enter',
  z.object({ token: z.string().regex(TOKEN).optional().or(z.literal('')), fileName: z.string().max(200).optional().default('') }),
  async (input, { db }, formData): Promise<IssueImportState> => {
    const file = formData.get('file');
    const chosen = file instanceof File && file.size > 0 ? file : null;
    const at = Date.now();
    if (!chosen && !input.token) return { fieldErrors: { file: '请选择要导入的 CSV 或 XLSX 文件' }, message: INVALID_MESSAGE, at };
    if (chosen && chosen.size > MAX_BYTES) return { fieldErrors: { file: '文件不能超过10MB，请分成几个文件导入' }, message: INVALID_MESSAGE, at };
    let bytes: Uint8Array | null;
    let token: string;
    let fileName: string;
    if (chosen) {
      bytes = new Uint8Array(await chosen.arrayBuffer());
      token = await keepImportFile(bytes);
      fileName = chosen.name.slice(0, 200);
      if (input.token && input.token !== token) await dropImportFile(input.token);
    } else {
      token = input.token!;
      fileName = input.fileName;
      bytes = await readImportFile(token);
      if (!bytes) return { fieldErrors: { file: '上次上传的文件已过期或已导入，请重新选择文件' }, message: INVALID_MESSAGE, at };
    }
    const { report } = await checkFile(db, bytes);
    return { ok: true, report, token, fileName, at: Date.now() };
  },
);

export const confirmIssueImport = guardedAction(
  'ledger.enter',
  z.object({ token: z.string().regex(TOKEN, '请先上传文件并预检'), fileName: z.string().max(200).optional().default('') }),
  async (input, { db, user }): Promise<IssueImportState> => {
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
