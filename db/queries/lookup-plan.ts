// The one place where look-ups choose their plan (lib/lookup-plan.ts): the credit lookup by name and every
// site-search kind ask planLookups() how to find their matches. The estimate comes from the planner's
// statistics of each table's bigram column (pg_stats.most_common_elems, kept by ANALYZE: autovacuum on
// PostgreSQL, the scale seed's VACUUM ANALYZE on PGlite), read in one query for all the tables asked about.
// No statistics (a new database, the demo data before any ANALYZE) means the index plan, the safe one for
// small tables.
import { sql } from 'drizzle-orm';
import { chooseLookupPlan, estimateWordShare, type LookupPlan, type MatchEstimate } from '@/lib/lookup-plan';
import { bigrams } from '@/lib/search-text';
import type { Db } from '../client';

export type { LookupPlan };

/**
 * A table and its bigram column (text[] of cjk_bigrams(), with a GIN index) whose statistics estimate
 * matches, and what testing one row of a walk costs (lib/lookup-plan.ts: a long text's by default).
 */
export type StatsTarget = { table: string; column: string; walkRowCost?: number };

type StatsRow = { relation: string; rows: number | string | null; elems: string[] | null; freqs: (number | string)[] | null; untracked: number | string | null };

/** Each target's estimate for all `words` occurring, by `${table}.${column}`. */
export async function estimateMatches(db: Db, targets: readonly StatsTarget[], words: readonly string[]): Promise<Map<string, MatchEstimate>> {
  const estimates = new Map<string, MatchEstimate>();
  const pairs = [...new Set(words.flatMap((w) => bigrams(w)))];
  if (targets.length === 0 || pairs.length === 0) return estimates;
  const wanted = sql.join(
    targets.map((t) => sql`(${t.table}::text, ${t.column}::text)`),
    sql`, `,
  );
  const asked = sql`ARRAY[${sql.join(
    pairs.map((p) => sql`${p}::text`),
    sql`, `,
  )}]::text[]`;
  // Only the asked bigrams' shares travel back; the tracked list holds up to ten times the statistics target.
  const result = await db.execute<StatsRow>(sql`
    select t.relation || '.' || t.col as relation, c.reltuples::float8 as rows,
      array(select b from unnest(${asked}) b where b = any(s.most_common_elems::text::text[])) as elems,
      array(select s.most_common_elem_freqs[array_position(s.most_common_elems::text::text[], b)]::float8
            from unnest(${asked}) b where b = any(s.most_common_elems::text::text[])) as freqs,
      s.most_common_elem_freqs[array_length(s.most_common_elem_freqs, 1) - 2]::float8 as untracked
    from (values ${wanted}) as t(relation, col)
    join pg_class c on c.oid = to_regclass(t.relation)
    left join pg_stats s on s.schemaname = current_schema() and s.tablename = t.relation and s.attname = t.col`);
  for (const row of result.rows) {
    const rows = Number(row.rows ?? 0);
    if (!(rows > 0) || !row.elems || row.untracked === null) {
      estimates.set(row.relation, null);
      continue;
    }
    const shares = new Map(row.elems.map((pair, i) => [pair, Number(row.freqs?.[i] ?? 0)]));
    estimates.set(row.relation, { rows, share: estimateWordShare(words, { shares, untracked: Number(row.untracked) }) });
  }
  return estimates;
}

/** The plan of each target for finding `need` matches of all `words` in date order (lib/lookup-plan.ts). */
export async function planLookups(db: Db, targets: readonly StatsTarget[], words: readonly string[], need: number): Promise<LookupPlan[]> {
  const estimates = await estimateMatches(db, targets, words);
  return targets.map((t) => chooseLookupPlan(estimates.get(`${t.table}.${t.column}`) ?? null, need, t.walkRowCost));
}
