'use server';

// 督查 bulk import: 预检 (dry run with a row report) and 确认导入 (all or nothing, one transaction, one audit
// row for the file and an event per item). The file waits between the steps in the private file store,
// as the 红黑榜 import's does (app/(admin)/admin/credit/import/import-file.ts).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { insertStaffIssue } from '@/db/queries/ledger/ledger-admin/items';
import { existingFindings, listAreaOptions, listCategoryOptions } from '@/db/queries/ledger/staff-extra';
import { readSpreadsheet } from '@/lib/credit-import';
import { guardedAction, INVALID_MESSAGE, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { dropImportFile, keepImportFile, readImportFile } from '../../credit/import/import-file';
import { checkIssueRows, fileProblem, type IssueImportReport, type ValidImportRow } from './issue-import';

const MAX_BYTES = 10 * 1024 * 1024;
const TOKEN = /^[0-9a-f]{32}$/;

export type IssueImportState = ActionState & {
  report?: IssueImportReport;
  token?: string;
  fileName?: string;
  imported?: { inserted: number; existing: number };
  at?: number;
};

async function checkFile(db: Db, bytes: Uint8Array): Promise<{ report: IssueImportReport; fresh: ValidImportRow[] }> {
  let rows;
  try {
    rows = await readSpreadsheet(bytes);
  } catch {
    return { report: fileProblem('无法读取该文件。请上传 CSV（UTF-8 或 GBK 编码）或 XLSX 文件，可先下载导入模板。'), fresh: [] };
  }
  const [categories, areas] = await Promise.all([listCategoryOptions(db), listAreaOptions(db)]);
  const { report, valid } = checkIssueRows(rows, categories, areas);
  const existing = await existingFindings(db, valid);
  const fresh = valid.filter((v) => !existing.has(v.key));
  return { report: { ...report, newCount: fresh.length, existingCount: valid.length - fresh.length }, fresh };
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
    const result = await db.transaction(async (tx) => {
      // Checked again inside the transaction: a finding imported meanwhile is skipped, not doubled.
      const { report, fresh } = await checkFile(tx, bytes);
      if (report.fileError || report.problems.length > 0) return { report, inserted: null };
      const nos: string[] = [];
      for (const row of fresh) {
        const created = await insertStaffIssue(tx, user, row);
        if (!created.ok) throw new Error(`import row ${row.row}: ${created.message}`);
        nos.push(created.no);
      }
      if (nos.length > 0) {
        await recordAudit(tx, user, {
          action: 'issue.import',
          entityType: 'issue',
          after: { inserted: nos.length, existing: report.existingCount, nos: nos.length > 20 ? [...nos.slice(0, 20), `…共${nos.length}个`] : nos, documentNos: [...new Set(fresh.map((r) => r.documentNo))].slice(0, 20) },
          note: input.fileName || null,
        });
      }
      return { report, inserted: nos.length };
    });
    if (result.inserted === null) return { ...keep, report: result.report, message: '文件中有错误行，未导入任何问题。请按报告修改文件后重新预检。' };
    await dropImportFile(input.token);
    await invalidate(TAGS.ledger);
    revalidatePath('/admin/ledger');
    return { ok: true, fileName: input.fileName, imported: { inserted: result.inserted, existing: result.report.existingCount }, at };
  },
);
