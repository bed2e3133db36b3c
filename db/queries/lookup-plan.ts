// The one place where look-ups choose their plan (lib/lookup-plan.ts): the credit lookup by name and every
// site-search kind ask planLookups() how to find their matches. The estimate comes from the planner's
// statistics of each table's bigram column (pg_stats.most_common_elems, kept by ANALYZE: autovacuum on
// PostgreSQL, the scale seed's VACUUM ANALYZE on PGlite), read in one query for the tables asked about and
// kept for STATS_TTL_MS per process and database. No statistics (a new database, the demo data before any ANALYZE) means the index plan, the safe one for
// small tables.
import { sql } from 'drizzle-orm';
import { chooseLookupPlan, estimateWordShare, type BigramStats, type LookupPlan, type MatchEstimate } from '@/lib/lookup-plan';
import type { Db } from '../client';

export type { LookupPlan };

/**
 * A table and its bigram column (text[] of cjk_bigrams(), with a GIN index) whose statistics estimate
 * matches, and what testing one row of a walk costs (lib/lookup-plan.ts: a long text's by default).
 */
export type StatsTarget = { table: string; column: string; walkRowCost?: number };

type StatsRow = { relation: string; rows: number | string | null; elems: string[] | null; freqs: (number | string)[] | null };

/** A table's statistics as the estimate needs them; null: none (never analysed, or no such table). */
type TableStats = { rows: number; stats: BigramStats } | null;

/**
 * How long a process keeps a table's statistics. They change only when ANALYZE runs (autovacuum after many
 * writes); reading them costs 10-15 ms on PostgreSQL (the tracked bigrams are decoded from text), far more
 * than the estimate is worth on every look-up.
 */
const STATS_TTL_MS = 10 * 60_000;
type Memo = Map<string, { at: number; value: Promise<TableStats> }>;
/** Per database handle (tests open several in one process). */
const memos = new WeakMap<Db, Memo>();

function memo(db: Db): Memo {
  let found = memos.get(db);
  if (!found) memos.set(db, (found = new Map()));
  return found;
}

const keyOf = (t: StatsTarget) => `${t.table}.${t.column}`;

async function readStats(db: Db, targets: readonly StatsTarget[]): Promise<Map<string, TableStats>> {
  const found = new Map<string, TableStats>(targets.map((t) => [keyOf(t), null]));
  const wanted = sql.join(
    targets.map((t) => sql`(${t.table}::text, ${t.column}::text)`),
    sql`, `,
  );
  const result = await db.execute<StatsRow>(sql`
    select t.relation || '.' || t.col as relation, c.reltuples::float8 as rows,
      s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs::float8[] as freqs
    from (values ${wanted}) as t(relation, col)
    join pg_class c on c.oid = to_regclass(t.relation)
    left join pg_stats s on s.schemaname = current_schema() and s.tablename = t.relation and s.attname = t.col`);
  for (const row of result.rows) {
    const rows = Number(row.rows ?? 0);
    if (!(rows > 0) || !row.elems || !row.freqs) continue;
    // most_common_elem_freqs: one share per tracked bigram, then the smallest and largest of them and the null share.
    const shares = new Map(row.elems.map((pair, i) => [pair, Number(row.freqs![i] ?? 0)]));
    found.set(row.relation, { rows, stats: { shares, untracked: Number(row.freqs[row.elems.length] ?? 0) } });
  }
  return found;
}

/** Each target's statistics, read once per STATS_TTL_MS per process (the missing ones in one query). */
async function statsOf(db: Db, targets: readonly StatsTarget[]): Promise<TableStats[]> {
  const cache = memo(db);
  const now = Date.now();
  const stale = targets.filter((t) => {
    const hit = cache.get(keyOf(t));
    return !hit || now - hit.at > STATS_TTL_MS;
  });
  if (stale.length > 0) {
    const read = readStats(db, stale);
    for (const t of stale) {
      const value = read.then((all) => all.get(keyOf(t)) ?? null);
      cache.set(keyOf(t), { at: now, value });
      // A failed read is not kept: the next look-up asks again.
      value.catch(() => cache.get(keyOf(t))?.value === value && cache.delete(keyOf(t)));
    }
  }
  return Promise.all(targets.map((t) => cache.get(keyOf(t))!.value));
}

/** Each target's estimate for all `words` occurring, by `${table}.${column}`. */
export async function estimateMatches(db: Db, targets: readonly StatsTarget[], words: readonly string[]): Promise<Map<string, MatchEstimate>> {
  const stats = await statsOf(db, targets);
  return new Map(targets.map((t, i) => {
    const table = stats[i];
    return [keyOf(t), table ? { rows: table.rows, share: estimateWordShare(words, table.stats) } : null];
  }));
}

/**
 * The plan of each target for finding `need` matches of all `words` in date order (lib/lookup-plan.ts). With
 * `pageRows` (per target, or one for all: the rows its page needs, 0 for a count only), a surely-common word
 * may take the 'common' plan (no count, the page walked).
 */
export async function planLookups(db: Db, targets: readonly StatsTarget[], words: readonly string[], need: number, pageRows?: number | readonly number[]): Promise<LookupPlan[]> {
  const estimates = await estimateMatches(db, targets, words);
  const rowsOf = (i: number) => (pageRows === undefined || typeof pageRows === 'number' ? pageRows : pageRows[i]);
  return targets.map((t, i) => chooseLookupPlan(estimates.get(keyOf(t)) ?? null, need, t.walkRowCost, rowsOf(i)));
}
