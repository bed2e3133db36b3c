// Latency of the uncached lookups at scale (issue 8): credit lookup by name fragment, site search and the
// admin lists, each run from a fixed query set N times by 10 concurrent clients against one database
// handle (DATA_DIR or DATABASE_URL, as the server would open it). Prints p50/p99 per query. The ledger's
// cases (/ledger with each filter, a unit's page, /units) take their unit, category and area from the data:
// the unit with the most items, and that unit's busiest category and area.
//   npx tsx scripts/bench/queries.ts [--runs 50] [--concurrency 10] [--only credit|search|admin|ledger] [--json file]
import fs from 'node:fs';
import { openDatabase, type Db } from '@/db/client';
import { listAdminCreditEntries } from '@/db/queries/credit-admin/entries';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { lookupPublicCredit, publicCredit } from '@/db/queries/credit';
import { creditBatches, creditEntries } from '@/db/schema';
import { listAdminNews } from '@/db/queries/news-admin';
import { listLedger, unitPublic } from '@/db/queries/ledger/ledger';
import { listUnitsWithStats } from '@/db/queries/ledger/public-extra';
import { listAdminPeople } from '@/db/queries/people-admin/people';
import { searchPublic, type RunnableQuery } from '@/db/queries/search';
import { cityDay } from '@/lib/dates';
import { parseSearchQuery } from '@/lib/search-text';
import { runScript } from '@/scripts/run-script';

type Group = 'credit' | 'search' | 'admin' | 'ledger';
type Case = { group: Group; label: string; run: (db: Db) => Promise<unknown> };

function words(text: string): RunnableQuery {
  const query = parseSearchQuery(text);
  if (query.kind !== 'words' && query.kind !== 'code') throw new Error(`not a runnable search: ${text}`);
  return query;
}

// Fragments from rare (the demo's 诚信达) to very common (有限公), two-character ones (诚信, 文明: served by
// the name bigrams), a company's full code and a deep page; words citizens type most (诚信, 文明).
function cases(code: string | null): Case[] {
  return [
    ...['诚信达', '鑫源商', '建筑工', '江南区', '有限公', '诚信', '文明'].map((fragment): Case => ({ group: 'credit', label: `/credit?q=${fragment}`, run: (db) => lookupPublicCredit(db, { fragment }) })),
    ...(code ? [{ group: 'credit', label: '/credit?q=<credit code>', run: (db) => lookupPublicCredit(db, { code }) } satisfies Case] : []),
    { group: 'credit', label: '/credit?q=建筑工&page=5', run: (db) => lookupPublicCredit(db, { fragment: '建筑工' }, 5) },
    ...['诚信', '文明', '志愿', '见义勇为', '有限公', '诚信达'].map((text): Case => ({ group: 'search', label: `/search?q=${text}`, run: (db) => searchPublic(db, words(text)) })),
    ...(code ? [{ group: 'search', label: '/search?q=<credit code>', run: (db) => searchPublic(db, words(code)) } satisfies Case] : []),
    { group: 'search', label: '/search?q=诚信&tab=credit&page=3', run: (db) => searchPublic(db, words('诚信'), { tab: 'credit', page: 3 }) },
    { group: 'search', label: '/search?q=文明&tab=news&page=2', run: (db) => searchPublic(db, words('文明'), { tab: 'news', page: 2 }) },
    { group: 'admin', label: '/admin/news', run: (db) => listAdminNews(db, {}, 1, 20) },
    { group: 'admin', label: '/admin/news?status=pending', run: (db) => listAdminNews(db, { status: 'pending' }, 1, 20) },
    { group: 'admin', label: '/admin/news?q=志愿服务', run: (db) => listAdminNews(db, { q: '志愿服务' }, 1, 20) },
    { group: 'admin', label: '/admin/credit', run: (db) => listAdminCreditEntries(db, {}, 1, 20) },
    { group: 'admin', label: '/admin/credit?status=revoked', run: (db) => listAdminCreditEntries(db, { status: 'revoked' }, 1, 20) },
    { group: 'admin', label: '/admin/credit?q=诚信达', run: (db) => listAdminCreditEntries(db, { q: '诚信达' }, 1, 20) },
    { group: 'admin', label: '/admin/good-people', run: (db) => listAdminPeople(db, {}, 1, 20) },
    { group: 'admin', label: '/admin/good-people?status=pending', run: (db) => listAdminPeople(db, { status: 'pending' }, 1, 20) },
  ];
}

/** A listed company's code, taken from the newest public entries. */
async function someCode(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ code: creditEntries.creditCode })
    .from(creditEntries)
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(publicCredit(), isNotNull(creditEntries.creditCode)))
    .orderBy(desc(creditEntries.decisionDate), desc(creditEntries.id))
    .limit(1);
  return row?.code ?? null;
}

/** The ledger's look-ups: the public list with each filter and the unit pages, for the busiest unit. */
async function ledgerCases(db: Db): Promise<Case[]> {
  const [busiest] = (
    await db.execute<{ unit_id: number; category_id: number; area: string }>(sql`
      with u as (select unit_id from issues where unit_id is not null group by unit_id order by count(*) desc, unit_id limit 1)
      select i.unit_id, (select category_id from issues where unit_id = i.unit_id group by category_id order by count(*) desc, category_id limit 1) as category_id,
        (select area from issues where unit_id = i.unit_id group by area order by count(*) desc, area limit 1) as area
      from u i`)
  ).rows;
  if (!busiest) return [];
  const unitId = Number(busiest.unit_id);
  const categoryId = Number(busiest.category_id);
  const { area } = busiest;
  const month = cityDay().slice(0, 7);
  const year = month.slice(0, 4);
  const list = (label: string, filter: Parameters<typeof listLedger>[1]): Case => ({ group: 'ledger', label: `/ledger${label}`, run: (d) => listLedger(d, filter) });
  return [
    list('', {}),
    list('?status=closed', { status: 'closed' }),
    list('?status=fixing', { status: 'fixing' }),
    list(`?category=${categoryId}`, { categoryId }),
    list(`?unit=${unitId}`, { unitId }),
    list(`?area=${area}`, { area }),
    list('?overdue=1', { overdue: true }),
    list(`?month=${month}`, { month }),
    list(`?unit=${unitId}&overdue=1`, { unitId, overdue: true }),
    list(`?category=${categoryId}&area=${area}&status=closed`, { categoryId, area, status: 'closed' }),
    list('?page=50', { page: 50 }),
    { group: 'ledger', label: `/units/${unitId}`, run: (d) => unitPublic(d, unitId, 'all') },
    { group: 'ledger', label: `/units/${unitId}?period=${year}`, run: (d) => unitPublic(d, unitId, year) },
    { group: 'ledger', label: `/units/${unitId}?period=${month}`, run: (d) => unitPublic(d, unitId, month) },
    { group: 'ledger', label: '/units', run: (d) => listUnitsWithStats(d, null) },
    { group: 'ledger', label: `/units?period=${year}`, run: (d) => listUnitsWithStats(d, { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` }) },
  ];
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs one case `runs` times with `concurrency` callers in flight; returns each call's latency in ms. */
async function measure(db: Db, c: Case, runs: number, concurrency: number): Promise<number[]> {
  const times: number[] = [];
  let left = runs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left--;
        const started = performance.now();
        await c.run(db);
        times.push(performance.now() - started);
      }
    }),
  );
  return times.sort((a, b) => a - b);
}

runScript(async () => {
  const runs = Number(option('runs', '50'));
  const concurrency = Number(option('concurrency', '10'));
  const only = option('only', '');
  const jsonFile = option('json', '');
  const handle = await openDatabase();
  try {
    const selected = [...cases(await someCode(handle.db)), ...(!only || only === 'ledger' ? await ledgerCases(handle.db) : [])].filter((c) => !only || c.group === only);
    console.log(`${handle.engine}: ${selected.length} queries, ${runs} runs each at concurrency ${concurrency} (after one warm-up run each)`);
    for (const c of selected) await c.run(handle.db);
    const results: { group: string; query: string; p50: number; p99: number; max: number }[] = [];
    for (const c of selected) {
      const times = await measure(handle.db, c, runs, concurrency);
      const row = { group: c.group, query: c.label, p50: Math.round(percentile(times, 50)), p99: Math.round(percentile(times, 99)), max: Math.round(times[times.length - 1]!) };
      results.push(row);
      console.log(`${row.query.padEnd(48)} p50 ${String(row.p50).padStart(5)} ms   p99 ${String(row.p99).padStart(5)} ms   max ${String(row.max).padStart(5)} ms`);
    }
    for (const group of ['credit', 'search', 'admin', 'ledger']) {
      const rows = results.filter((r) => r.group === group);
      if (rows.length) console.log(`worst p99 ${group}: ${Math.max(...rows.map((r) => r.p99))} ms`);
    }
    if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ engine: handle.engine, runs, concurrency, at: new Date().toISOString(), results }, null, 2));
  } finally {
    await handle.close();
  }
});
