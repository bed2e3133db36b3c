// How a look-up (credit lookup by name, each site-search kind) finds its rows, chosen from an estimate of
// how many rows its words match (the planner's per-bigram statistics, db/queries/lookup-plan.ts). Two plans
// give the same rows, order and capped count:
//  - 'index': the matches through the GIN indexes (bigrams, trigrams), at most cap + 1 of them, then
//    sorted. Its cost grows with the number of matches: every posting entry is read, and heap rows are
//    fetched until cap + 1 public ones are found.
//  - 'walk': the date-ordered index newest first, testing each row, until `need` matches are found. Its
//    cost grows with the rows between matches (rows / matches), so it wins for words in a large share of
//    the rows (有限公 in company names, 文明 in news) and loses badly for rare ones.
// A walk reads at most `bound` rows: when the estimate was too high and the walk finds fewer than `need`
// matches within them, the caller falls back to the index plan, so a wrong estimate costs a bounded walk,
// never a walk through the whole index.
import { bigrams } from './search-text';

/** Rows the table holds and the share of them estimated to match (0-1); null: no statistics (never analysed). */
export type MatchEstimate = { rows: number; share: number } | null;

export type LookupPlan = { kind: 'index' } | { kind: 'walk'; bound: number };

/**
 * Cost of one row of a walk (index entry, heap row in date order, the text test) against one heap row of
 * the index plan, when the test reads a long text's bigram array (news, people, ledger): measured on the
 * scale set (PostgreSQL 15), a 5,500-row walk of news took 600-700 ms where the index plan's first 1,001
 * matches took 80-150 ms. A short name's test is far cheaper (`NAME_WALK_ROW_COST`).
 */
export const TEXT_WALK_ROW_COST = 40;
/**
 * The same for a walk that tests a short name (credit entries): for 有限公 (64 % of a million names) a
 * 1,600-row walk took 14-47 ms where the index plan (count, then the page) took 17-26 ms.
 */
export const NAME_WALK_ROW_COST = 8;
/** Cost of one posting entry of a GIN bitmap scan against one heap row. */
const POSTING_COST = 0.01;
/** A walk may read this many times the rows the estimate expects before the index plan takes over. */
const WALK_SLACK = 4;

/**
 * The cheaper plan for finding `need` matches in date order (the capped count needs cap + 1; a deep page
 * needs offset + page size), given the estimate and what testing one row of a walk costs.
 */
export function chooseLookupPlan(estimate: MatchEstimate, need: number, walkRowCost: number = TEXT_WALK_ROW_COST): LookupPlan {
  if (!estimate || estimate.rows <= 0 || estimate.share <= 0 || need <= 0) return { kind: 'index' };
  const share = Math.min(1, estimate.share);
  const matches = share * estimate.rows;
  const walkRows = need / share;
  const walkCost = walkRows * walkRowCost;
  // The index plan reads every posting entry, then heap rows until `need` public matches: about twice
  // `need` (about half the matches are public), never more than the matches themselves.
  const indexCost = matches * POSTING_COST + Math.min(matches, 2 * need);
  if (walkCost >= indexCost || walkRows >= estimate.rows) return { kind: 'index' };
  return { kind: 'walk', bound: Math.ceil(Math.min(estimate.rows, WALK_SLACK * walkRows)) };
}

/** Planner statistics of a bigram column: the tracked bigrams' shares, and the share below which none is tracked. */
export type BigramStats = { shares: ReadonlyMap<string, number>; untracked: number };

/**
 * The estimated share of rows that contain every word: each word is in at most as many rows as its rarest
 * bigram (a word of 3+ characters may be in fewer: the walk's bound covers that), and all words together in
 * at most as many as the rarest word. A bigram the statistics do not track is rarer than every tracked one.
 */
export function estimateWordShare(words: readonly string[], stats: BigramStats): number {
  let share = 1;
  for (const word of words) {
    for (const pair of bigrams(word)) share = Math.min(share, stats.shares.get(pair) ?? stats.untracked);
  }
  return words.length === 0 ? 0 : share;
}
