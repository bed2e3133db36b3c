// Release batches (发布批次) of the 红黑榜 in the editors' area; reviewed and published as a whole.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { BATCH_OPEN_FOR_ENTRIES, type ReviewParties } from '@/lib/workflow';
import type { Db } from '../../client';
import { creditBatchCounts, creditBatches, creditEntries, type ContentStatus } from '../../schema';
import { lastSubmitterId } from '../workflow';

/** Every batch, newest first, with its entry count (kept by the database, migration 0018: no entry is read). */
export async function listAdminCreditBatches(db: Db) {
  return db
    .select({ id: creditBatches.id, title: creditBatches.title, status: creditBatches.status, publishedAt: creditBatches.publishedAt, updatedAt: creditBatches.updatedAt, entries: sql<number>`coalesce(${creditBatchCounts.entries}, 0)`.mapWith(Number) })
    .from(creditBatches)
    .leftJoin(creditBatchCounts, eq(creditBatchCounts.batchId, creditBatches.id))
    .orderBy(desc(creditBatches.createdAt), desc(creditBatches.id));
}

/** Batch names for filters: no entry counts (counting reads every entry: a million rows at scale). */
export async function listCreditBatchOptions(db: Db) {
  return db
    .select({ id: creditBatches.id, title: creditBatches.title })
    .from(creditBatches)
    .orderBy(desc(creditBatches.createdAt), desc(creditBatches.id));
}

export async function findCreditBatch(db: Db, id: number) {
  const [batch] = await db
    .select({ id: creditBatches.id, title: creditBatches.title, status: creditBatches.status, publishedAt: creditBatches.publishedAt, version: creditBatches.version, updatedAt: creditBatches.updatedAt })
    .from(creditBatches)
    .where(eq(creditBatches.id, id));
  if (!batch) return null;
  const [counted] = await db.select({ n: count() }).from(creditEntries).where(eq(creditEntries.batchId, id));
  return { ...batch, entries: counted?.n ?? 0 };
}
export type CreditBatchRow = NonNullable<Awaited<ReturnType<typeof findCreditBatch>>>;

/** Batches that still take entries (草稿, 已退回), newest first. */
export async function listOpenCreditBatches(db: Db) {
  return db
    .select({ id: creditBatches.id, title: creditBatches.title, status: creditBatches.status })
    .from(creditBatches)
    .where(inArray(creditBatches.status, [...BATCH_OPEN_FOR_ENTRIES]))
    .orderBy(desc(creditBatches.createdAt), desc(creditBatches.id));
}

export function isOpenBatch(status: ContentStatus): boolean {
  return BATCH_OPEN_FOR_ENTRIES.includes(status);
}

/** A new draft batch made by `actorId`; null when the title is taken. */
export async function insertCreditBatch(db: Db, title: string, actorId: number | null, onCreated?: (tx: Db, id: number) => Promise<void>): Promise<number | null> {
  return db.transaction(async (t) => {
    const [row] = await t.insert(creditBatches).values({ title, createdBy: actorId }).onConflictDoNothing({ target: creditBatches.title }).returning({ id: creditBatches.id });
    if (!row) return null;
    await onCreated?.(t, row.id);
    return row.id;
  });
}

/** Moves a batch from the status and version the user saw; false when someone changed it meanwhile. */
export async function setCreditBatchStatus(db: Db, id: number, change: { from: ContentStatus; to: ContentStatus; version: number; publishedAt?: Date | null }): Promise<boolean> {
  const rows = await db
    .update(creditBatches)
    .set({
      status: change.to,
      version: sql`${creditBatches.version} + 1`,
      updatedAt: new Date(),
      ...(change.to === 'published' ? { publishedAt: change.publishedAt ?? new Date() } : {}),
    })
    .where(and(eq(creditBatches.id, id), eq(creditBatches.status, change.from), eq(creditBatches.version, change.version)))
    .returning({ id: creditBatches.id });
  return rows.length > 0;
}

/**
 * Who wrote the batch under review (三审三校): its creator, the last editor of every entry in it (whoever
 * created, imported or last changed the entry) and whoever submitted it.
 */
export async function creditBatchReviewParties(db: Db, batchId: number): Promise<ReviewParties> {
  const [[batch], editors, submitterId] = await Promise.all([
    db.select({ createdBy: creditBatches.createdBy }).from(creditBatches).where(eq(creditBatches.id, batchId)).limit(1),
    db.selectDistinct({ updatedBy: creditEntries.updatedBy }).from(creditEntries).where(eq(creditEntries.batchId, batchId)),
    lastSubmitterId(db, 'credit_batch', batchId),
  ]);
  return { authorId: batch?.createdBy ?? null, lastEditorIds: editors.map((e) => e.updatedBy), submitterId };
}

/** The batch row locked for a review step, so the check and the move see the same batch. */
export async function lockCreditBatch(db: Db, id: number): Promise<{ status: ContentStatus; version: number } | null> {
  const [row] = await db.select({ status: creditBatches.status, version: creditBatches.version }).from(creditBatches).where(eq(creditBatches.id, id)).for('update').limit(1);
  return row ?? null;
}
