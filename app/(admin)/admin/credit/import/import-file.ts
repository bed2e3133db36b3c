// The 红黑榜 import's check of a file (the steps and the kept file: server/import-files.ts).
import type { Db } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { findExistingDedupeKeys } from '@/db/queries/credit-admin/import';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import { checkImportRows } from '@/lib/credit-import';
import { cityDay } from '@/lib/dates';
import { importReport, readImportRows, type ImportReport } from '@/server/import-files';

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

/**
 * Parses and checks a file against the categories and (for the preview) the stored entries; nothing is
 * written. The import itself counts stored rows as it skips them, so it passes `countExisting: false`.
 */
export async function checkImportFile(db: Db, bytes: Uint8Array, options: { countExisting?: boolean } = {}): Promise<{ report: ImportReport; entries: ValidCreditEntry[] }> {
  const read = await readImportRows(bytes);
  if ('report' in read) return { report: read.report, entries: [] };
  const categories = await listCreditCategories(db);
  const check = checkImportRows(read.rows, categories, cityDay());
  const entries = check.valid.map((v) => v.entry);
  const existing = options.countExisting === false ? new Set<string>() : await findExistingDedupeKeys(db, entries.map((e) => e.dedupeKey));
  return { entries, report: importReport(check, { valid: entries.length, existing: existing.size }) };
}
