// The scale generator at a small size: promised row counts on top of the demo data, valid codes and ID
// numbers, a mix of current, expired and future entries, indexes rebuilt, and a refusal the second time.
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { lookupPublicCredit } from '@/db/queries/credit';
import { COUNT_CAP } from '@/db/queries/capped-count';
import { LEDGER_PAGE_SIZE, listLedger, unitPublic } from '@/db/queries/ledger/ledger';
import { nextIssueNo } from '@/db/queries/ledger/numbers';
import { MIN_ITEMS_FOR_RATES, unitStats } from '@/lib/unit-stats';
import type { IssueStatus, Rating } from '@/lib/enums';
import { searchPublic } from '@/db/queries/search';
import { creditEntries, goodPeople, issues, newsArticles } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { createRng } from '@/db/seed/random';
import { isAtScale, ScaleRefusedError, seedScale, type ScaleSummary } from '@/db/seed/scale';
import { creditRows } from '@/db/seed/scale-rows';
import { isValidCreditCode } from '@/lib/credit-code';
import { checkIdNumber } from '@/lib/id-number';
import { engine, freshDatabase } from './helpers';
import { recounted, stored } from './unit-months';

const TODAY = '2026-06-15';
const SIZES = { articles: 300, people: 120, credit: 3000, issues: 2500 };

async function tableCounts(handle: DbHandle) {
  const [[a], [p], [c], [i]] = await Promise.all([
    handle.db.select({ n: count() }).from(newsArticles),
    handle.db.select({ n: count() }).from(goodPeople),
    handle.db.select({ n: count() }).from(creditEntries),
    handle.db.select({ n: count() }).from(issues),
  ]);
  return { articles: a!.n, people: p!.n, credit: c!.n, issues: i!.n };
}

async function indexNames(handle: DbHandle): Promise<string[]> {
  const result = await handle.db.execute<{ name: string }>(
    sql`SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('news_articles', 'good_people', 'credit_entries', 'issues', 'issue_events') ORDER BY indexname`,
  );
  return result.rows.map((r) => r.name);
}

describe(`scale generator (small) on ${engine}`, () => {
  let handle: DbHandle;
  let before: Awaited<ReturnType<typeof tableCounts>>;
  let indexesBefore: string[];
  let summary: ScaleSummary;
  beforeAll(async () => {
    handle = await freshDatabase();
    await seedDemo(handle.db, { today: TODAY });
    before = await tableCounts(handle);
    indexesBefore = await indexNames(handle);
    expect(await isAtScale(handle.db)).toBe(false);
    summary = await seedScale(handle.db, handle.engine, { sizes: SIZES, today: TODAY });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('adds exactly the requested rows and records that the database is at scale', async () => {
    const after = await tableCounts(handle);
    expect(after.articles - before.articles).toBe(SIZES.articles);
    expect(after.people - before.people).toBe(SIZES.people);
    expect(after.credit - before.credit).toBe(SIZES.credit);
    expect(after.issues - before.issues).toBe(SIZES.issues);
    expect(await isAtScale(handle.db)).toBe(true);
    expect(await indexNames(handle)).toEqual(indexesBefore);
  });

  it('writes valid credit codes and ID numbers, with unique dedupe keys', async () => {
    const rows = await handle.db.select({ code: creditEntries.creditCode, id: creditEntries.idNumber, key: creditEntries.dedupeKey }).from(creditEntries);
    const codes = rows.flatMap((r) => (r.code ? [r.code] : []));
    const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
    expect(codes.length).toBeGreaterThan(SIZES.credit / 2);
    expect(ids.length).toBeGreaterThan(100);
    expect(codes.filter((c) => !isValidCreditCode(c))).toEqual([]);
    expect(ids.filter((id) => !checkIdNumber(id, TODAY).ok)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    const [masked] = await handle.db.select({ n: count() }).from(creditEntries).where(sql`${isNotNull(creditEntries.idNumber)} AND ${creditEntries.idNumberMasked} NOT LIKE '%********%'`);
    expect(masked!.n).toBe(0);
  });

  it('mixes entries in their publication period with expired and not yet listed ones', () => {
    expect(summary.creditCurrent).toBeGreaterThan(SIZES.credit * 0.3);
    expect(summary.creditExpired).toBeGreaterThan(SIZES.credit * 0.2);
    expect(summary.creditFuture).toBeGreaterThan(0);
  });

  it('gives common search words a realistic share of names, found by lookup and site search', async () => {
    const [withWord] = await handle.db.select({ n: count() }).from(creditEntries).where(sql`${creditEntries.name} LIKE '%诚信%'`);
    expect(withWord!.n).toBeGreaterThan(SIZES.credit * 0.005);
    expect(withWord!.n).toBeLessThan(SIZES.credit * 0.1);
    const lookup = await lookupPublicCredit(handle.db, { fragment: '诚信' });
    expect(lookup.total).toBeGreaterThan(0);
    expect(lookup.rows.every((r) => r.name.includes('诚信'))).toBe(true);
    const found = await searchPublic(handle.db, { kind: 'words', words: ['文明'], text: '文明', truncated: false, ignored: [] });
    expect(found.counts.news).toBeGreaterThan(SIZES.articles / 10);
  });

  it('adds ledger items with their events, unique numbers and figures for the units', async () => {
    const [numbers] = await handle.db.select({ n: count(), distinct: sql<number>`count(distinct ${issues.no})::int` }).from(issues);
    expect(Number(numbers!.distinct)).toBe(numbers!.n);
    const [withoutReport] = await handle.db.select({ n: count() }).from(issues).where(sql`not exists (select 1 from issue_events e where e.issue_id = ${issues.id} and e.kind = 'report')`);
    expect(withoutReport!.n).toBe(0);
    // More closed items than the public counts go: the list says "1000+".
    const [closed] = await handle.db.select({ n: count() }).from(issues).where(eq(issues.status, 'closed'));
    expect(closed!.n).toBeGreaterThan(SIZES.issues / 2);
    const ledger = await listLedger(handle.db, { status: 'closed' });
    expect(ledger).toMatchObject({ total: COUNT_CAP, capped: true, over: expect.arrayContaining(['closed']) });
    expect(ledger.rows).toHaveLength(LEDGER_PAGE_SIZE);
    expect((await listLedger(handle.db, { overdue: true })).total).toBeGreaterThan(0);
    const [busiest] = await handle.db.select({ unitId: issues.unitId, n: count() }).from(issues).where(isNotNull(issues.unitId)).groupBy(issues.unitId).orderBy(sql`count(*) desc`).limit(1);
    const page = await unitPublic(handle.db, busiest!.unitId!, 'all');
    expect(page!.stats.assigned).toBeGreaterThan(MIN_ITEMS_FOR_RATES);
    expect(page!.stats.closeRate).not.toBeNull();
    // The aggregate equals the figures computed in JS from the unit's items and their first 'assign' event.
    const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
    const items = await handle.db.execute<{ status: IssueStatus; deadline_at: number | null; planned_date: string | null; submitted_at: number | null; closed_at: number | null; rating: Rating | null; assigned_at: number | null; reopened: boolean }>(sql`
      select i.status, ${ms('i.deadline_at')} as deadline_at, i.planned_date::text as planned_date, ${ms('i.submitted_at')} as submitted_at, ${ms('i.closed_at')} as closed_at,
        i.rating, i.reopen_count > 0 as reopened,
        ${ms(`(select min(e.created_at) from issue_events e where e.issue_id = i.id and e.kind = 'assign' and e.actor_unit_id = i.unit_id)`)} as assigned_at
      from issues i where i.unit_id = ${busiest!.unitId} and i.status in ('accepted', 'assigned', 'fixing', 'planned', 'verifying', 'closed')`);
    const at = (epochMs: number | null) => (epochMs === null ? null : new Date(Number(epochMs)));
    const facts = items.rows
      .filter((r) => r.assigned_at !== null)
      .map((r) => ({ status: r.status, deadlineAt: at(r.deadline_at), plannedDate: r.planned_date, submittedAt: at(r.submitted_at), closedAt: at(r.closed_at), rating: r.rating, assignedAt: at(r.assigned_at)!, reopened: Boolean(r.reopened) }));
    const now = new Date();
    expect((await unitPublic(handle.db, busiest!.unitId!, 'all', now))!.stats).toEqual(unitStats(facts, now));
    // unit_month_figures, recounted once after the load (its trigger is off during it), equals a count from scratch.
    const months = await stored(handle.db);
    expect(months.reduce((n, m) => n + m.assigned, 0)).toBeGreaterThan(SIZES.issues / 2);
    expect(months).toEqual(await recounted(handle.db));
    // A new report after the load gets the next free id and number.
    expect(await nextIssueNo(handle.db, 2026)).toMatch(/^ZG-2026-\d{6}$/);
  });

  it('refuses a second load and leaves the data as it was', async () => {
    const counts = await tableCounts(handle);
    await expect(seedScale(handle.db, handle.engine, { sizes: SIZES, today: TODAY })).rejects.toBeInstanceOf(ScaleRefusedError);
    expect(await tableCounts(handle)).toEqual(counts);
  });

  it('makes the same rows from the same seed', () => {
    const options = { today: TODAY, categories: [{ id: 1, name: '失信被执行人' as const, list: 'black' as const, periodMonths: 24 }], pickBatch: () => ({ id: 1, day: '2026-05-01' }), first: 0 };
    const a = creditRows(createRng('same'), 50, options);
    const b = creditRows(createRng('same'), 50, options);
    expect(a).toEqual(b);
  });
});
