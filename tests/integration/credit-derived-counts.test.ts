// The counts credit_entries' triggers keep (migrations 0018 and 0019) on both engines: the batch list's entry
// counts (credit_batch_counts) and the public counts of today from the spans of public entries
// (credit_public_spans: per list, per category, per batch, and the lists' totals), each equal to a count from
// scratch after the seed and after every kind of write (a bulk insert, moving entries between batches and out
// of any, status and date changes, a change that moves none, deletes, a batch's removal), and with two writers
// adding to one batch at the same time.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { insertCreditBatch, listAdminCreditBatches } from '@/db/queries/credit-admin/batches';
import { countPublicCreditByCategory, countPublicCreditByList, listPublicCredit, listPublicCreditBatches, listPublicCreditOfBatch, publicCredit } from '@/db/queries/credit';
import { COUNT_CAP } from '@/db/queries/capped-count';
import { seedCredit } from '@/db/seed/gen-credit';
import { creditBatchCounts, creditBatches, creditEntries } from '@/db/schema';
import { addDays, cityDay } from '@/lib/dates';
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
    await expectPublicCountsTrue();
  }

  /** Today's public counts as the pages show them, and counted from the entries with publicCredit(). */
  async function expectPublicCountsTrue() {
    const db = handle.db;
    const rows = await db
      .select({ list: creditEntries.list, categoryId: creditEntries.categoryId, batchId: creditEntries.batchId, n: sql<number>`count(*)::int` })
      .from(creditEntries)
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(publicCredit())
      .groupBy(creditEntries.list, creditEntries.categoryId, creditEntries.batchId);
    const sum = (keep: (r: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((n, r) => n + Number(r.n), 0);
    expect(sum(() => true)).toBeGreaterThan(0);
    expect(await countPublicCreditByList(db)).toEqual({ red: sum((r) => r.list === 'red'), black: sum((r) => r.list === 'black') });
    for (const c of await countPublicCreditByCategory(db)) expect([c.name, c.n]).toEqual([c.name, sum((r) => r.categoryId === c.id)]);
    const capped = (n: number) => ({ total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP });
    for (const b of await listPublicCreditBatches(db)) {
      expect([b.id, b.n]).toEqual([b.id, sum((r) => r.batchId === b.id)]);
      expect((await listPublicCreditOfBatch(db, b.id, { list: 'black' })).total).toBe(capped(sum((r) => r.batchId === b.id && r.list === 'black')).total);
    }
    for (const list of ['red', 'black'] as const) expect(await listPublicCredit(db, { list })).toMatchObject(capped(sum((r) => r.list === list)));
    const some = rows[0]!;
    expect(await listPublicCredit(db, { list: some.list, categoryId: some.categoryId })).toMatchObject(capped(sum((r) => r.list === some.list && r.categoryId === some.categoryId)));
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
    // Status and date changes: removed from the lists, expired yesterday, listed from tomorrow, and back.
    const today = cityDay();
    const some = (await db.select({ id: creditEntries.id }).from(creditEntries).where(and(eq(creditEntries.batchId, b), eq(creditEntries.status, 'public'))).limit(6)).map((r) => r.id);
    await db.update(creditEntries).set({ status: 'removed' }).where(inArray(creditEntries.id, some.slice(0, 2)));
    await expectCountsTrue();
    await db.update(creditEntries).set({ publicationEnd: addDays(today, -1) }).where(eq(creditEntries.id, some[2]!));
    await db.update(creditEntries).set({ listedDate: addDays(today, 1) }).where(eq(creditEntries.id, some[3]!));
    await expectCountsTrue();
    await db.update(creditEntries).set({ status: 'public', publicationEnd: addDays(today, 30), listedDate: today }).where(inArray(creditEntries.id, some.slice(0, 4)));
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
