// What a domain gives the site search (db/queries/search.ts), and the match conditions the sources share.
// Chinese has no word spaces, so each word is a substring: words of 3+ characters by ILIKE on pg_trgm GIN
// indexes, two-character words by the bigram GIN indexes (search_bigrams @> ARRAY['诚信'], exact on its
// own: see migration 0005). Each source applies its domain's one public filter.
import { and, desc, getTableName, ilike, not, sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { SearchKind } from '@/lib/domains';
import { likeContains } from '@/lib/lookup-text';
import type { RunnableSearch } from '@/lib/search-text';
import type { Db } from '../client';
import type { StatsTarget } from './lookup-plan';

export type { SearchKind };

/** A query worth running: words (all must occur) or a checked credit code. */
export type RunnableQuery = RunnableSearch;

export type SearchHit = {
  kind: SearchKind;
  id: number;
  href: string;
  /** Headline: article title, person's name, entry's public (possibly masked) name. */
  title: string;
  /** Plain text to cut the snippet from: summary and body, deed (or story), reason. */
  text: string;
  /** yyyy-mm-dd: published (news, people) or listed (credit). */
  date: string | null;
  /** Channel, 好人 category and level, or list and category. */
  label: string;
  creditCode: string | null;
};

/** The ranking's two parts: title (name) matches first, then the rest. */
export type RankPart = 'title' | 'rest';
export type MatchPart = 'all' | RankPart;

/** A match's key: `at` is the date it ranks by (published or listed). */
export type KeyRow = { id: number; titleMatch: boolean; at: Date | string | null };

/** A select of key rows (Drizzle builder) that a limit turns into a runnable, explainable query. */
export interface KeysQuery {
  limit(n: number): SQLWrapper & PromiseLike<KeyRow[]>;
}

/**
 * A domain's part of the site search (registered in db/domains.ts). Every kind finds its matches by the plan
 * db/queries/lookup-plan.ts chooses from the statistics of `stats` (see search.ts): matchKeys through the GIN
 * indexes, counted up to a cap, or walkKeys down the date index for a word in a large share of the rows.
 */
export type SearchSource = {
  /** The bigram column whose statistics estimate how many rows a query's words match (all parts). */
  stats: StatsTarget;
  /**
   * The public matches of one part found through the GIN indexes, unsorted and unlimited (the caller
   * limits them). 'all': every match, each with its title flag. Null when the kind has nothing for the part.
   */
  matchKeys(db: Db, query: RunnableQuery, part: MatchPart): KeysQuery | null;
  /**
   * One part's matches newest first down the date index ('all': every match, each with its title flag);
   * with a bound, over the newest `bound` public rows only. Null when the kind has nothing for the part.
   */
  walkKeys(db: Db, query: RunnableQuery, part: MatchPart, bound: number | null): KeysQuery | null;
  /** Every match is a title match (credit entries match by name only): counting 'all' counted the title part. */
  titleOnly?: boolean;
  /** What a result shows, for ids already ranked (the public filter is applied again: it is cheap). */
  hits(db: Db, ids: number[]): Promise<Map<number, SearchHit>>;
};

export const charCount = (text: string) => Array.from(text).length;

/** All words occur: two-character words through the bigram column, longer ones by ILIKE on the text. */
export function wordsMatch(words: string[], textColumn: Column, bigramColumn: Column): SQL {
  const pairs = words.filter((w) => charCount(w) === 2);
  const conditions: SQL[] = [];
  if (pairs.length > 0) conditions.push(sql`${bigramColumn} @> ARRAY[${sql.join(pairs.map((p) => sql`lower(${p}::text)`), sql`, `)}]::text[]`);
  for (const word of words.filter((w) => charCount(w) > 2)) conditions.push(ilike(textColumn, likeContains(word)));
  return and(...conditions)!;
}

export function allIn(column: Column, words: string[]): SQL {
  return and(...words.map((w) => ilike(column, likeContains(w))))!;
}

/** A part's title condition; none for 'all'. */
export function titlePart(part: MatchPart, column: Column, words: string[]): SQL | undefined {
  if (part === 'all') return undefined;
  const inTitle = allIn(column, words);
  return part === 'title' ? inTitle : not(inTitle);
}

/**
 * Title (name) match served by an index: two-character words through `cjk_bigrams(title)` (expression
 * indexes of migration 0009), longer ones by the ILIKE on the title trigram index: the rows are exactly
 * allIn()'s (a two-character word is in a text exactly when it is among its bigrams). A title match is always a text match too (the search
 * text and its bigrams start with the title), so the text condition is not repeated.
 */
export function titleIndexMatch(column: Column, words: string[]): SQL {
  const pairs = words.filter((w) => charCount(w) === 2);
  const longer = words.filter((w) => charCount(w) > 2);
  if (pairs.length === 0) return allIn(column, words);
  // A two-character word is matched by the bigrams alone, exactly (see the file's header): its ILIKE
  // would add nothing but a trap, as `%xy%` yields no trigram and a trigram GIN index then returns every
  // row (the planner combined such a scan with the bigram index: a BitmapAnd over all 200,000 addresses,
  // 140 ms for 文明), and the ILIKE's low row estimate misleads the joins above.
  return and(sql`cjk_bigrams(${column}) @> ARRAY[${sql.join(pairs.map((p) => sql`lower(${p}::text)`), sql`, `)}]::text[]`, ...longer.map((w) => ilike(column, likeContains(w))))!;
}

/** The title flag of a key row: computed for 'all', constant for a part. */
export function titleFlag(part: MatchPart, column: Column, words: string[]): SQL.Aliased<boolean> {
  return (part === 'all' ? (allIn(column, words) as SQL<boolean>) : part === 'title' ? sql<boolean>`true` : sql<boolean>`false`).as('title_match');
}

export const ALL_TITLE = sql<boolean>`true`;

/**
 * Where a bounded walk reads from: the table itself (no bound), or only its newest `bound` visible rows, behind a
 * LIMIT that also fences the subquery off from the planner's choices above it. The subquery carries the table's
 * name and the columns the source's filters use, so they apply to it unchanged; it is typed as the table for the
 * query builder.
 */
export function walkSource<T extends PgTable>(
  db: Db,
  table: T,
  bound: number | null,
  rows: { columns: Record<string, PgColumn>; visible: SQL | undefined; newest: readonly [PgColumn, PgColumn] },
): T {
  if (bound === null) return table;
  const [at, id] = rows.newest;
  const newest = db.select(rows.columns).from(table as PgTable).where(rows.visible).orderBy(desc(at), desc(id)).limit(bound);
  return newest.as(getTableName(table)) as unknown as T;
}
