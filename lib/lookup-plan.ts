// How a look-up (credit lookup by name, each site-search kind) finds its rows, chosen from an estimate of
// how many rows its words match (the planner's per-bigram statistics, db/queries/lookup-plan.ts). Three
// plans give the same rows and order; the first two the same capped count, the third "cap+" by the rule
// at SURELY_COMMON_FACTOR:
//  - 'index': the matches through the GIN indexes (bigrams, trigrams), at most cap + 1 of them, then
//    sorted. Its cost grows with the number of matches: every posting entry is read, and heap rows are
//    fetched until cap + 1 public ones are found.
//  - 'walk': the date-ordered index newest first, testing each row, until `need` matches are found. Its
//    cost grows with the rows between matches (rows / matches), so it wins for words in a large share of
//    the rows (有限公 in company names, 文明 in news) and loses badly for rare ones.
//  - 'common': a word estimated in far more rows than the cap: no count, the page alone walked (see below).
// A walk reads at most `bound` rows: when the estimate was too high and the walk finds fewer than `need`
// matches within them, the caller falls back to the index plan, so a wrong estimate costs a bounded walk,
// never a walk through the whole index.
import { bigrams } from './search-text';

/** Rows the table holds and the share of them estimated to match (0-1); null: no statistics (never analysed). */
export type MatchEstimate = { rows: number; share: number } | null;

/**
 * 'common': a word the statistics put in far more rows than the cap (SURELY_COMMON_FACTOR): no count at
 * all, "cap+" from the estimate, and only the page read by walking the date index newest first. The walk
 * is the estimate's check: it must find its rows (at least PROBE_MATCHES) within `commonWalkBound(share)`
 * rows, else the look-up counts through the index plan after all (see chooseLookupPlan).
 */
export type LookupPlan = { kind: 'index' } | { kind: 'walk'; bound: number } | { kind: 'common'; share: number };

/**
 * Cost of one row of a walk (index entry, heap row in date order, the text test) against one heap row of
 * the index plan, when the test reads a long text's bigram array (news, people, ledger): measured on the
 * scale set (PostgreSQL 15), a 5,500-row walk of news took 600-700 ms where the index plan's first 1,001
 * matches took 80-150 ms. A short name's test is far cheaper (`NAME_WALK_ROW_COST`).
 */
export const TEXT_WALK_ROW_COST = 40;
/**
 * The same for a walk that tests a short text held in the row (credit names, ledger places and
 * descriptions). Measured on the scale set (PostgreSQL 15, one query at a time, 2026-12-05): walking
 * about 1,250 entries newest first for a page of 诚信 (in 1.6 % of a million names) took 8 ms where the
 * index plan (1,001 matches counted, then the page) took 24 ms; 建筑工 10 ms against 28 ms. (The first
 * calibration, 8, came from a walk that also read the ~5,000 entries decided for a later listing, which
 * the walk now skips by its index condition.)
 */
export const NAME_WALK_ROW_COST = 0.5;
/** Cost of one posting entry of a GIN bitmap scan against one heap row. */
const POSTING_COST = 0.01;
/** A walk may read this many times the rows the estimate expects before the index plan takes over. */
const WALK_SLACK = 4;

/**
 * A word is "surely common" when the statistics put it in at least this many times the cap's rows. Why 10:
 *  - the estimate is an upper bound (a 3+-character word may be far rarer than its rarest bigram: 江南区),
 *    comes from ANALYZE's sample, counts every row (not only the public ones: a third of the credit entries
 *    may have expired) and may be stale (rows hidden or removed since the last ANALYZE);
 *  - the walk that reads the page checks it: it must find its matches within WALK_SLACK times the rows the
 *    estimate expects, i.e. at a density of at least a quarter of the estimated share among the newest
 *    public rows. Extrapolated, that is still at least 10 / 4 = 2.5 times the cap.
 * So "cap+" is shown without a count only when the word is estimated in 10,000+ rows and its newest rows
 * confirm at least a quarter of that density; it is wrong only if the public matches are at least 2.5 times
 * rarer in the rest of the table than among the newest rows (statistics stale after most matches were
 * hidden, and the remaining ones clustered among the newest rows). The rows shown are exact in every case.
 */
export const SURELY_COMMON_FACTOR = 10;
/** A surely-common walk finds at least this many matches before it claims the cap (a page's worth). */
export const PROBE_MATCHES = 20;

/** How many (public) rows a surely-common walk for `found` matches may read before the estimate is disowned. */
export function commonWalkBound(share: number, found: number): number {
  return Math.ceil((WALK_SLACK * Math.max(found, PROBE_MATCHES)) / Math.min(1, Math.max(share, 1e-9)));
}

/**
 * The cheaper plan for finding `need` matches in date order (the capped count needs cap + 1; a deep page
 * needs offset + page size), given the estimate and what testing one row of a walk costs. With `pageRows`
 * (the rows the page needs: offset + page size; 0 for a count only), a surely-common word (estimated in
 * SURELY_COMMON_FACTOR × (need - 1) rows or more) is not counted at all when walking to its page is
 * cheaper than counting: plan 'common'.
 */
export function chooseLookupPlan(estimate: MatchEstimate, need: number, walkRowCost: number = TEXT_WALK_ROW_COST, pageRows?: number): LookupPlan {
  if (!estimate || estimate.rows <= 0 || estimate.share <= 0 || need <= 0) return { kind: 'index' };
  const share = Math.min(1, estimate.share);
  const matches = share * estimate.rows;
  // The index plan reads every posting entry, then heap rows until `need` public matches: about twice
  // `need` (about half the matches are public), never more than the matches themselves.
  const indexCost = matches * POSTING_COST + Math.min(matches, 2 * Math.max(need, pageRows ?? 0));
  if (pageRows !== undefined && matches >= SURELY_COMMON_FACTOR * (need - 1)) {
    const pageWalkRows = Math.max(pageRows, PROBE_MATCHES) / share;
    if (pageWalkRows * walkRowCost < indexCost && commonWalkBound(share, pageRows) < estimate.rows) return { kind: 'common', share };
  }
  const walkRows = need / share;
  const walkCost = walkRows * walkRowCost;
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
