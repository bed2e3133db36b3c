// Counts that stop at a cap: an exact count(*) over a million credit entries reads every match, so lists
// and lookups count at most cap + 1 rows through the same indexes as the page itself and say "1000+".
import { count, sql } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

/** Public lookups and search stop counting here. */
export const COUNT_CAP = 1000;
/** Staff lists count further, so that a batch's size is exact up to this. */
export const ADMIN_COUNT_CAP = 10_000;

export type CappedTotal = {
  /** min(matches, cap). */
  total: number;
  /** More than `total` rows match. */
  capped: boolean;
};

/** The one-column select to cap: `db.select(ONE).from(...).where(...)`. */
export const ONE = { one: sql<number>`1`.as('one') };

/**
 * `.offset(FENCE)` renders `OFFSET 0`: the planner then plans that subquery on its own instead of pulling it
 * up into the outer query's joins and ORDER BY ... LIMIT (drizzle leaves `.offset(0)` out). Lookups use it
 * to find matches through a GIN index first. It is SQL, typed as the number the builder expects.
 */
export const FENCE = sql`0` as unknown as number;

/** A count (exact, or at least cap + 1) as shown: stopped at the cap. */
export function cappedTotal(n: number, cap: number): CappedTotal {
  return { total: Math.min(n, cap), capped: n > cap };
}

export async function countUpTo(db: Db, hits: PgSelect, cap: number): Promise<CappedTotal> {
  const [row] = await db.select({ n: count() }).from(hits.limit(cap + 1).as('hits'));
  return cappedTotal(row?.n ?? 0, cap);
}

/** "1000+" when capped, else the number. */
export function totalText({ total, capped }: CappedTotal): string {
  return capped ? `${total}+` : String(total);
}

/** Pages to link: all of them when exact; when capped, those within the cap plus the next one from here. */
export function cappedPageCount({ total, capped }: CappedTotal, pageSize: number, page: number): number {
  const within = Math.max(1, Math.ceil(total / pageSize));
  return capped ? Math.max(within, page + 1) : within;
}

