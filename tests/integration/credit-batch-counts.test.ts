// The batch list's entry counts (credit_batch_counts, kept by credit_entries' triggers, migration 0018) on
// both engines: equal to a count from scratch after the seed and after every kind of write (a bulk insert,
// moving entries between batches and out of any, a change that moves none, deletes, a batch's removal), and
// with two writers adding to one batch at the same time.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { insertCreditBatch, listAdminCreditBatches } from '@/db/queries/credit-admin/batches';
import { seedCredit } from '@/db/seed/gen-credit';
import { creditBatchCounts, creditBatches, creditEntries } from '@/db/schema';
import { cityDay } from '@/lib/dates';
import { engine, freshDatabase } from './helpers';

describe(`the credit batches' entry counts on ${engine}`, () => {
  let handle: DbHandle;
  let copyColumns: string[];

  beforeAll(async () => {
    handle = await freshDatabase();
    await seedCredit(handle.db, cityDay());
    const columns = await handle.db.execute<{ name: string }>(
      sql`select column_name as name from information_schema.columns where table_name = 'credit_entries' and is_generated = 'NEVER' and column_name not in ('id', 'batch_id', 'dedupe_key') order by ordinal_position`,
    );
    copyColumns = columns.rows.map((r) => `"${r.name}"`);
  });

  afterAll(async () => {
    await handle?.close();
  });

  /** Every batch's count as the list shows it, and counted from the entries. */
  async function expectCountsTrue() {
    const listed = await listAdminCreditBatches(handle.db);
    const counted = await handle.db.select({ id: creditEntries.batchId, n: sql<number>`count(*)::int` }).from(creditEntries).groupBy(creditEntries.batchId);
    const truth = new Map(counted.map((r) => [r.id, Number(r.n)]));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((b) => [b.id, b.entries])).toEqual(listed.map((b) => [b.id, truth.get(b.id) ?? 0]));
  }

  /** Copies of a batch's entries (a new dedupe key each) into another batch, in one statement. */
  async function copyInto(db: DbHandle['db'], from: number, to: number, suffix: string, limit = 1_000_000) {
    const cols = copyColumns.join(', ');
    await db.execute(
      sql.raw(`insert into credit_entries (${cols}, batch_id, dedupe_key) select ${cols}, ${to}, dedupe_key || '#${suffix}' from credit_entries where batch_id = ${from} order by id limit ${limit}`),
    );
  }

  it('equals a count from scratch after the seed and after each kind of write', async () => {
    const db = handle.db;
    await expectCountsTrue();
    const batches = await db.select({ id: creditBatches.id }).from(creditBatches).orderBy(creditBatches.id);
    const [a, b] = [batches[0]!.id, batches[1]!.id];
    const fresh = (await insertCreditBatch(db, '计数测试批次', null))!;
    expect((await listAdminCreditBatches(db)).find((x) => x.id === fresh)?.entries).toBe(0);

    await copyInto(db, a, fresh, 'copy');
    await expectCountsTrue();
    const moved = (await db.select({ id: creditEntries.id }).from(creditEntries).where(eq(creditEntries.batchId, fresh)).limit(3)).map((r) => r.id);
    await db.update(creditEntries).set({ batchId: b }).where(inArray(creditEntries.id, moved));
    await expectCountsTrue();
    await db.update(creditEntries).set({ batchId: null }).where(eq(creditEntries.id, moved[0]!));
    await expectCountsTrue();
    // A change that moves no entry leaves the counts alone.
    await db.update(creditEntries).set({ reason: sql`${creditEntries.reason} || '。'` }).where(eq(creditEntries.batchId, a));
    await expectCountsTrue();
    await db.delete(creditEntries).where(inArray(creditEntries.id, moved));
    await expectCountsTrue();
    await db.delete(creditEntries).where(eq(creditEntries.batchId, fresh));
    await db.delete(creditBatches).where(eq(creditBatches.id, fresh));
    await expectCountsTrue();
    expect(await db.select().from(creditBatchCounts).where(eq(creditBatchCounts.batchId, fresh))).toEqual([]);
  });

  it('adds up two writers adding to one batch at the same time', async () => {
    const db = handle.db;
    const batches = await db.select({ id: creditBatches.id }).from(creditBatches).orderBy(creditBatches.id);
    const source = batches[0]!.id;
    const target = (await insertCreditBatch(db, '并发计数测试批次', null))!;
    // The first writer holds its transaction open after its insert; the second inserts meanwhile (on
    // PostgreSQL it waits for the first's lock on the batch's count, then adds its own; PGlite runs them one
    // after the other).
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    await Promise.all([
      db.transaction(async (t) => {
        await copyInto(t, source, target, 'w1', 2);
        firstInserted();
        await new Promise((r) => setTimeout(r, 200));
      }),
      (async () => {
        await inserted;
        await db.transaction(async (t) => copyInto(t, source, target, 'w2', 3));
      })(),
    ]);
    expect((await listAdminCreditBatches(db)).find((x) => x.id === target)?.entries).toBe(5);
    await expectCountsTrue();
  });
});
