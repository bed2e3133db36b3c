// Shared by the search and look-up plan suites: parsing a query the way the pages do, and the filler text of
// the rows they add so that the planner weighs indexes as it would at production size.
import type { RunnableQuery } from '@/db/queries/search';
import { parseSearchQuery } from '@/lib/search-text';

/** A query the search runs (words or a checked credit code); a test's typo in one fails loudly. */
export function runnable(raw: string): RunnableQuery {
  const query = parseSearchQuery(raw);
  if (query.kind !== 'words' && query.kind !== 'code') throw new Error(`not runnable: ${raw} (${query.kind})`);
  return query;
}

/** Filler of `n` two-character words from `words`, varied by `i` and ending in it: distinct texts, controlled words. */
export function fillerFrom(words: readonly string[]): (i: number, n: number) => string {
  return (i, n) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join('') + i;
}
