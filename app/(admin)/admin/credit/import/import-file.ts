// Import files between 预检 and 确认导入: React resets the form after an action, so the uploaded bytes
// wait in the file store (server/storage.ts) as private/imports/<token>.bin, not served by any route, and
// are removed after a day. With PostgreSQL the 确认导入 may reach another instance than the 预检: both
// read the same table.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { findExistingDedupeKeys } from '@/db/queries/credit-admin/import';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import { checkImportRows, readSpreadsheet } from '@/lib/credit-import';
import { cityDay } from '@/lib/dates';
import { fileStore } from '@/server/storage';
import type { ImportReport } from '../types';

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
const TOKEN = /^[0-9a-f]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** The report lists every bad row up to this many; a file with more needs fixing at the source anyway. */
const MAX_LISTED_PROBLEMS = 5000;

const IMPORTS = 'private/imports/';
const importKey = (token: string) => `${IMPORTS}${token}.bin`;
const CONTENT_TYPE = 'application/octet-stream';

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
 * Parses and checks a file against the categories and (for the preview) the stored entries; nothing is
 * written. The import itself counts stored rows as it skips them, so it passes `countExisting: false`.
 */
export async function checkImportFile(db: Db, bytes: Uint8Array, options: { countExisting?: boolean } = {}): Promise<{ report: ImportReport; entries: ValidCreditEntry[] }> {
  let rows;
  try {
    rows = await readSpreadsheet(bytes);
  } catch {
    return { report: fileProblem('无法读取该文件。请上传 CSV（UTF-8 或 GBK 编码）或 XLSX 文件，可先下载导入模板。'), entries: [] };
  }
  const categories = await listCreditCategories(db);
  const check = checkImportRows(rows, categories, cityDay());
  const entries = check.valid.map((v) => v.entry);
  const existing = options.countExisting === false ? new Set<string>() : await findExistingDedupeKeys(db, entries.map((e) => e.dedupeKey));
  return {
    entries,
    report: {
      fileError: check.fileError,
      ignoredColumns: check.ignoredColumns,
      totalRows: check.totalRows,
      validCount: entries.length,
      newCount: entries.length - existing.size,
      existingCount: existing.size,
      invalidCount: check.invalidCount,
      duplicateCount: check.duplicateCount,
      problems: check.problems.slice(0, MAX_LISTED_PROBLEMS),
      problemsNotShown: Math.max(0, check.problems.length - MAX_LISTED_PROBLEMS),
    },
  };
}

function fileProblem(message: string): ImportReport {
  return { fileError: message, ignoredColumns: [], totalRows: 0, validCount: 0, newCount: 0, existingCount: 0, invalidCount: 0, duplicateCount: 0, problems: [], problemsNotShown: 0 };
}
