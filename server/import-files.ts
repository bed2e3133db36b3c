// The two-step import of a spreadsheet (the 红黑榜's entries, the 督查 findings): 预检 keeps the file and
// reports on every row, 确认导入 checks the kept file again and imports it all or nothing. React resets a
// form after an action, so the uploaded bytes wait in the file store (server/storage.ts) as
// private/imports/<token>.bin, not served by any route, and are removed after a day. With PostgreSQL the
// 确认导入 may reach another instance than the 预检: both read the same table.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readSpreadsheet, type ImportProblem, type SheetRow } from '@/lib/credit-import';
import { CSV_BOM, csvRow } from '@/lib/csv';
import type { ActionState } from './actions';
import { fileStore } from './storage';

/** The 预检 report of an import file: counts and every bad row with its spreadsheet row number. */
export type ImportReport = {
  fileError: string | null;
  ignoredColumns: string[];
  totalRows: number;
  /** Rows that pass every check (new and already stored). */
  validCount: number;
  newCount: number;
  existingCount: number;
  invalidCount: number;
  duplicateCount: number;
  problems: ImportProblem[];
  /** Bad rows beyond those listed (very large files only). */
  problemsNotShown: number;
};

/** What both steps answer (the shared form, app/_components/import-form.tsx, shows the newer of the two). */
export type ImportState = ActionState & {
  report?: ImportReport;
  /** The uploaded file kept on the server for 确认导入. */
  token?: string;
  fileName?: string;
  imported?: { inserted: number; existing: number };
  /** When the server answered (ms), so the form shows the newer of its two steps' answers. */
  at?: number;
};

const TOKEN = /^[0-9a-f]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** The report lists every bad row up to this many; a file with more needs fixing at the source anyway. */
const MAX_LISTED_PROBLEMS = 5000;
const IMPORTS = 'private/imports/';
const importKey = (token: string) => `${IMPORTS}${token}.bin`;
const CONTENT_TYPE = 'application/octet-stream';

/** The fields of a form that names a kept file: its token and name (empty before the first 预检). */
export const keptFileFields = {
  token: z.string().regex(TOKEN).optional().or(z.literal('')),
  fileName: z.string().max(200).optional().default(''),
};

/** The token of the 确认导入 form (a kept file is required there). */
export const importToken = (message?: string) => z.string().regex(TOKEN, message);

export function isImportToken(token: string): boolean {
  return TOKEN.test(token);
}

/** Removes import files older than a day (abandoned previews). */
export async function removeStaleImports(now = Date.now()): Promise<void> {
  const store = fileStore();
  for (const file of await store.list(IMPORTS)) if (now - file.createdAt.getTime() > MAX_AGE_MS) await store.delete(file.key);
}

export async function keepImportFile(bytes: Uint8Array): Promise<string> {
  await removeStaleImports();
  const token = randomBytes(16).toString('hex');
  await fileStore().put(importKey(token), bytes, CONTENT_TYPE);
  return token;
}

/** The kept bytes, or null when the token is malformed, expired or already used. */
export async function readImportFile(token: string): Promise<Uint8Array | null> {
  if (!isImportToken(token)) return null;
  return fileStore().get(importKey(token));
}

export async function dropImportFile(token: string): Promise<void> {
  if (isImportToken(token)) await fileStore().delete(importKey(token));
}

/**
 * 预检's file: a newly chosen file is kept (and replaces the one kept before); without one, the kept file
 * the form names is read back, so a second 预检 needs no new choice of file. Answers the message for the
 * form's file field when there is neither, the file is too large or the kept one is gone.
 */
export async function receiveImportFile(
  formData: FormData,
  kept: { token?: string; fileName: string },
  maxBytes: number,
): Promise<{ bytes: Uint8Array; token: string; fileName: string } | { fileError: string }> {
  const file = formData.get('file');
  const chosen = file instanceof File && file.size > 0 ? file : null;
  if (!chosen && !kept.token) return { fileError: '请选择要导入的 CSV 或 XLSX 文件' };
  if (chosen && chosen.size > maxBytes) return { fileError: `文件不能超过${Math.round(maxBytes / 1024 / 1024)}MB，请分成几个文件导入` };
  if (!chosen) {
    const bytes = await readImportFile(kept.token!);
    if (!bytes) return { fileError: '上次上传的文件已过期或已导入，请重新选择文件' };
    return { bytes, token: kept.token!, fileName: kept.fileName };
  }
  const bytes = new Uint8Array(await chosen.arrayBuffer());
  const token = await keepImportFile(bytes);
  if (kept.token && kept.token !== token) await dropImportFile(kept.token);
  return { bytes, token, fileName: chosen.name.slice(0, 200) };
}

/** The rows of a CSV or XLSX file, or the report of a file that cannot be read. */
export async function readImportRows(bytes: Uint8Array): Promise<{ rows: SheetRow[] } | { report: ImportReport }> {
  try {
    return { rows: await readSpreadsheet(bytes) };
  } catch {
    return { report: importFileProblem('无法读取该文件。请上传 CSV（UTF-8 或 GBK 编码）或 XLSX 文件，可先下载导入模板。') };
  }
}

/** The report of a checked file, given how many of its valid rows are already stored. */
export function importReport(
  check: { fileError: string | null; ignoredColumns: string[]; totalRows: number; problems: ImportProblem[]; invalidCount: number; duplicateCount: number },
  counts: { valid: number; existing: number },
): ImportReport {
  return {
    fileError: check.fileError,
    ignoredColumns: check.ignoredColumns,
    totalRows: check.totalRows,
    validCount: counts.valid,
    newCount: counts.valid - counts.existing,
    existingCount: counts.existing,
    invalidCount: check.invalidCount,
    duplicateCount: check.duplicateCount,
    problems: check.problems.slice(0, MAX_LISTED_PROBLEMS),
    problemsNotShown: Math.max(0, check.problems.length - MAX_LISTED_PROBLEMS),
  };
}

function importFileProblem(message: string): ImportReport {
  return { fileError: message, ignoredColumns: [], totalRows: 0, validCount: 0, newCount: 0, existingCount: 0, invalidCount: 0, duplicateCount: 0, problems: [], problemsNotShown: 0 };
}

/** The answer of an import's template route (`…/import/template`), for a user it has let in. */
export function importTemplateAnswer(rows: readonly (readonly string[])[], name: { ascii: string; chinese: string }): Response {
  return new Response(CSV_BOM + rows.map((cells) => csvRow(cells)).join(''), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.chinese)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** A template route's refusal of a user without the permission (or without a session). */
export function importTemplateRefusal(): Response {
  return new Response('请先以编辑身份登录。', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
