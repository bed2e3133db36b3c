// Import files between 预检 and 确认导入: React resets the form after an action, so the uploaded bytes
// wait under DATA_DIR/private/imports/<token>.bin (not served by any route) and are removed after a day.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir, type Db } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { findExistingDedupeKeys } from '@/db/queries/credit-admin/import';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import { checkImportRows, readSpreadsheet } from '@/lib/credit-import';
import { cityDay } from '@/lib/dates';
import type { ImportReport } from '../types';

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
const TOKEN = /^[0-9a-f]{32}$/;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** The report lists every bad row up to this many; a file with more needs fixing at the source anyway. */
const MAX_LISTED_PROBLEMS = 5000;

function importDir(): string {
  return path.join(dataDir(), 'private', 'imports');
}

export function isImportToken(token: string): boolean {
  return TOKEN.test(token);
}

/** Removes import files older than a day (abandoned previews). */
export async function removeStaleImports(now = Date.now()): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(importDir());
  } catch {
    return;
  }
  await Promise.all(
    names.map(async (name) => {
      const file = path.join(importDir(), name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > MAX_AGE_MS) await fs.rm(file, { force: true });
    }),
  );
}

export async function keepImportFile(bytes: Uint8Array): Promise<string> {
  await removeStaleImports();
  const token = randomBytes(16).toString('hex');
  await fs.mkdir(importDir(), { recursive: true });
  await fs.writeFile(path.join(importDir(), `${token}.bin`), bytes, { mode: 0o600 });
  return token;
}

/** The kept bytes, or null when the token is malformed, expired or already used. */
export async function readImportFile(token: string): Promise<Uint8Array | null> {
  if (!isImportToken(token)) return null;
  try {
    return new Uint8Array(await fs.readFile(path.join(importDir(), `${token}.bin`)));
  } catch {
    return null;
  }
}

export async function dropImportFile(token: string): Promise<void> {
  if (isImportToken(token)) await fs.rm(path.join(importDir(), `${token}.bin`), { force: true });
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
