// Bulk import of 红黑榜 entries: all-or-nothing, idempotent through the dedupe key.
import { eq, inArray, sql } from 'drizzle-orm';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import { BATCH_OPEN_FOR_ENTRIES } from '@/lib/workflow';
import type { Db } from '../../client';
import { creditBatches, creditEntries } from '../../schema';
import { CLOSED_MESSAGE, type EntryWriteRefusal } from './entries';

/** Which of these dedupe keys are already stored (asked in chunks, so 100,000 keys stay cheap). */
export async function findExistingDedupeKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const rows = await db.select({ key: creditEntries.dedupeKey }).from(creditEntries).where(inArray(creditEntries.dedupeKey, chunk));
    for (const row of rows) found.add(row.key);
  }
  return found;
}

export const IMPORT_CHUNK = 1000;

/**
 * One statement for a chunk of rows, passed as a single JSON parameter: binding 1000 rows x 17 columns
 * as separate parameters costs more than the insert itself (on PGlite above all).
 */
async function insertChunk(t: Db, batchId: number, actorId: number | null, entries: readonly ValidCreditEntry[]): Promise<number> {
  const rows = JSON.stringify(entries.map((e) => ({ ...e, batchId, updatedBy: actorId })));
  const result = await t.execute<{ id: number }>(sql`
    insert into credit_entries (list, category_id, subject_kind, name, credit_code, legal_rep, id_number, id_number_masked, reason, amount,
      authority, basis_doc, decision_date, listed_date, publication_end, publication_end_reason, batch_id, dedupe_key, updated_by)
    select r."list", r."categoryId", r."subjectKind", r."name", r."creditCode", r."legalRep", r."idNumber", r."idNumberMasked", r."reason", r."amount",
      r."authority", r."basisDoc", r."decisionDate", r."listedDate", r."publicationEnd", r."publicationEndReason", r."batchId", r."dedupeKey", r."updatedBy"
    from jsonb_to_recordset(${rows}::jsonb) as r("list" credit_list, "categoryId" integer, "subjectKind" credit_subject_kind, "name" text,
      "creditCode" text, "legalRep" text, "idNumber" text, "idNumberMasked" text, "reason" text, "amount" numeric(16, 2), "authority" text,
      "basisDoc" text, "decisionDate" date, "listedDate" date, "publicationEnd" date, "publicationEndReason" text, "batchId" integer, "dedupeKey" text, "updatedBy" integer)
    on conflict (dedupe_key) do nothing
    returning id`);
  return result.rows.length;
}

/**
 * All rows of an import in one transaction, ~1000 per statement; rows whose fact is already stored are
 * skipped (ON CONFLICT DO NOTHING), so importing the same file twice adds nothing the second time. The
 * importer is the new entries' last editor (三审三校).
 */
export async function importCreditEntries(
  db: Db,
  batchId: number,
  entries: readonly ValidCreditEntry[],
  actorId: number | null,
  onImported?: (tx: Db, counts: { inserted: number; existing: number }) => Promise<void>,
): Promise<{ ok: true; inserted: number; existing: number } | EntryWriteRefusal> {
  return db.transaction(async (t) => {
    const [batch] = await t.select({ status: creditBatches.status }).from(creditBatches).where(eq(creditBatches.id, batchId)).for('update');
    if (!batch) return { ok: false, reason: 'missing', message: '批次不存在。' } as const;
    if (!BATCH_OPEN_FOR_ENTRIES.includes(batch.status)) return { ok: false, reason: 'closed', message: CLOSED_MESSAGE } as const;
    let inserted = 0;
    for (let i = 0; i < entries.length; i += IMPORT_CHUNK) inserted += await insertChunk(t, batchId, actorId, entries.slice(i, i + IMPORT_CHUNK));
    const counts = { inserted, existing: entries.length - inserted };
    await onImported?.(t, counts);
    return { ok: true, ...counts } as const;
  });
}
