// Site-wide search over every content domain that registers a search source (db/domains.ts; the sources
// are db/queries/<domain>-search.ts, their shared match conditions db/queries/search-source.ts). This
// file ranks, counts and merges the sources' matches; it names no domain.
import { desc, sql, type SQL } from 'drizzle-orm';
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder';
import { SEARCH_KINDS } from '@/lib/domains';
import { maskPublicFields } from '@/lib/pii-detect';
import { parseSearchQuery } from '@/lib/search-text';
import type { Db } from '../client';
import { DOMAIN_DATA } from '../domains';
import { COUNT_CAP } from './capped-count';
import { commonWalkBound, PROBE_MATCHES } from '@/lib/lookup-plan';
import { planLookups, type LookupPlan } from './lookup-plan';
import type { MatchPart, RankPart, RunnableQuery, SearchHit, SearchKind, SearchSource } from './search-source';

export type { RankPart, RunnableQuery, SearchHit, SearchKind };
export { SEARCH_KINDS };
export type SearchTab = 'all' | SearchKind;
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages are not served: nobody reads them, and OFFSET gets slower the deeper it goes. */
export const MAX_SEARCH_PAGE = 50;
/** Counts stop here; a tab then shows "1000+" (an exact count of a common word would read every match). */
export { COUNT_CAP };

const source = (kind: SearchKind): SearchSource => DOMAIN_DATA[kind].search;
const INDEX_PLAN: LookupPlan = { kind: 'index' };

type RankedKey = { id: number; titleMatch: boolean; at: number };

/**
 * Title matches rank first, newest first among each. Every kind answers in two steps, so that neither a
 * rare word nor a common one reads more than it must:
 *  1. matchKeysQuery: the matches found through the GIN indexes (bigrams, trigrams, a credit code), planned
 *     on their own behind an OFFSET 0 fence, with the public filter applied, at most COUNT_CAP + 1 of them.
 *     Their count is the tab's count. When they are within the cap (almost every real query), exactly those
 *     rows are sorted (title match, date, id): a rare word costs a handful of rows, never a walk down a
 *     date index past every row that does not match.
 *  2. Only a word with more than COUNT_CAP matches pages differently: title matches through the title
 *     indexes (bigrams or trigrams of the title alone) the same way, then the rest; a part that again has
 *     more than COUNT_CAP matches is read by walking the date index newest first (rankedKeysQuery), which
 *     stops after a page because such matches are dense.
 * Both steps give the same order: title matches newest first, then the rest newest first, ties by id.
 * A word the statistics call surely common skips step 1: its kind shows "1000+" once a walk of the newest
 * rows has found its page within the bound the estimate implies (rankedKeys, lib/lookup-plan.ts).
 */
export function matchKeysQuery(db: Db, kind: SearchKind, query: RunnableQuery, part: MatchPart = 'all') {
  return source(kind).matchKeys(db, query, part);
}

/**
 * The walk down a kind's date index for one part, newest first (null: nothing to run for this part);
 * with a bound, over the newest `bound` public rows only. The title part tests the title alone: a title
 * match is a text match too (the search text and its bigrams start with the title), and reading a long
 * text's bigram array for each row would cost more than the title test itself.
 */
export function rankedKeysQuery(db: Db, kind: SearchKind, query: RunnableQuery, part: MatchPart = 'title', bound: number | null = null) {
  return source(kind).walkKeys(db, query, part, bound);
}

function timeOf(at: Date | string | null): number {
  if (at === null) return 0;
  return typeof at === 'string' ? Date.parse(`${at}T00:00:00+08:00`) : at.getTime();
}

async function walkPart(db: Db, kind: SearchKind, query: RunnableQuery, part: RankPart, limit: number, bound: number | null = null): Promise<RankedKey[]> {
  const builder = rankedKeysQuery(db, kind, query, part, bound);
  if (!builder || limit <= 0) return [];
  const rows = await builder.limit(limit);
  return rows.map((r) => ({ id: r.id, titleMatch: part === 'title', at: timeOf(r.at) }));
}

/**
 * How far a bounded walk of one part reads before the part is looked up through its indexes instead. The
 * title walk tests a short title held in the row (cheap), so it may read 50 rows per wanted match: a title
 * part in a few percent of the rows (文明 in 10 % of the ledger's places) then fills its page without a
 * count. The rest's walk reads each row's text (long, from TOAST for news and people): 10 rows per match.
 */
const walkBound = (part: RankPart, wanted: number) => (part === 'title' ? 50 : 10) * wanted;

type PartKeys = { n: number; keys: RankedKey[] };
type KeyFields = { id: SQL.Aliased<number>; titleMatch: SQL.Aliased<boolean>; at: SQL.Aliased<Date | string | null> };

/** Up to COUNT_CAP + 1 matches of a part, counted, and the first `wanted` of them in ranking order. */
async function matchedPart(db: Db, kind: SearchKind, query: RunnableQuery, part: MatchPart, wanted: number): Promise<PartKeys | null> {
  const builder = matchKeysQuery(db, kind, query, part);
  if (!builder) return null;
  // The kinds' builders differ in type only by their tables: give $with one shape (decoding still
  // follows each builder's own columns).
  const m = db.$with('m').as(builder.limit(COUNT_CAP + 1) as unknown as TypedQueryBuilder<KeyFields>);
  // m is referenced twice, so both engines materialize it once.
  const rows: { id: number; titleMatch: boolean; at: Date | string | null; n: number }[] = await db
    .with(m)
    .select({ id: m.id, titleMatch: m.titleMatch, at: m.at, n: sql<number>`(select count(*) from ${m})`.mapWith(Number) })
    .from(m)
    .orderBy(desc(m.titleMatch), desc(m.at), desc(m.id))
    .limit(Math.max(1, wanted));
  return { n: rows[0]?.n ?? 0, keys: rows.slice(0, wanted).map((r) => ({ id: r.id, titleMatch: Boolean(r.titleMatch), at: timeOf(r.at) })) };
}

/**
 * One part's first `wanted` keys, for a kind with more than COUNT_CAP matches. A dense part (文明 in news
 * titles) fills a page within the newest rows, so a bounded walk comes first; a sparse one is then found
 * through its indexes and sorted, and only a part that has more than COUNT_CAP matches but not among the
 * newest rows is walked to the end of its page.
 */
async function rankedPart(db: Db, kind: SearchKind, query: RunnableQuery, part: RankPart, wanted: number): Promise<RankedKey[]> {
  if (wanted <= 0) return [];
  const bounded = await walkPart(db, kind, query, part, wanted, walkBound(part, wanted));
  if (bounded.length >= wanted) return bounded;
  // A kind whose every match is a title match counted its matches already (more than COUNT_CAP).
  const matched = source(kind).titleOnly ? null : await matchedPart(db, kind, query, part, wanted);
  if (matched && matched.n <= COUNT_CAP) return matched.keys;
  return walkPart(db, kind, query, part, wanted);
}

/**
 * A walk's first step: the newest `limit` matches within the newest `bound` rows, and of them the first
 * `wanted` in ranking order (title matches first), with how many of them are title matches. The walk plan
 * asks for COUNT_CAP + 1 (they prove the count capped), the surely-common plan for the page (they confirm
 * the estimate). Null when fewer matches are within the bound (the estimate was too high).
 */
async function walkedAll(db: Db, kind: SearchKind, query: RunnableQuery, wanted: number, bound: number, limit: number): Promise<(PartKeys & { titled: number }) | null> {
  const builder = rankedKeysQuery(db, kind, query, 'all', bound);
  if (!builder) return null;
  const w = db.$with('w').as(builder.limit(limit) as unknown as TypedQueryBuilder<KeyFields>);
  const rows: { id: number; titleMatch: boolean; at: Date | string | null; n: number; titled: number }[] = await db
    .with(w)
    .select({
      id: w.id,
      titleMatch: w.titleMatch,
      at: w.at,
      n: sql<number>`(select count(*) from ${w})`.mapWith(Number),
      titled: sql<number>`(select count(*) from ${w} where ${w.titleMatch})`.mapWith(Number),
    })
    .from(w)
    .orderBy(desc(w.titleMatch), desc(w.at), desc(w.id))
    .limit(Math.max(1, wanted));
  const n = rows[0]?.n ?? 0;
  if (n < limit) return null;
  return { n, titled: rows[0]?.titled ?? 0, keys: rows.slice(0, wanted).map((r) => ({ id: r.id, titleMatch: Boolean(r.titleMatch), at: timeOf(r.at) })) };
}

/** The walk's window: its title rows are the newest title matches, its other rows the newest other matches. */
async function fromWindow(db: Db, kind: SearchKind, query: RunnableQuery, wanted: number, walked: PartKeys & { titled: number }, n: number): Promise<PartKeys> {
  if (walked.titled >= wanted) return { n, keys: walked.keys };
  const titled = await rankedPart(db, kind, query, 'title', wanted);
  const restWanted = wanted - titled.length;
  const windowRest = walked.keys.filter((k) => !k.titleMatch);
  const rest = windowRest.length >= restWanted ? windowRest.slice(0, restWanted) : await rankedPart(db, kind, query, 'rest', restWanted);
  return { n, keys: [...titled, ...rest] };
}

/**
 * A kind's count (up to COUNT_CAP + 1) and its first `wanted` keys in ranking order, by the plan chosen for
 * the kind (db/queries/lookup-plan.ts). The walk's window holds the newest COUNT_CAP + 1 matches: its title
 * matches are the newest title matches and its other rows the newest other matches, so each part that the
 * window fills needs nothing more; a part it does not fill is ranked as the index plan ranks it. The
 * surely-common plan's window holds only the page's rows (at least PROBE_MATCHES): found within the bound
 * its estimate implies, the count is COUNT_CAP + 1 ("1000+") without counting.
 */
async function rankedKeys(db: Db, kind: SearchKind, query: RunnableQuery, wanted: number, plan: LookupPlan): Promise<PartKeys> {
  if (plan.kind === 'common') {
    const limit = Math.max(wanted, PROBE_MATCHES);
    const walked = await walkedAll(db, kind, query, wanted, commonWalkBound(plan.share, limit), limit);
    if (walked) return fromWindow(db, kind, query, wanted, walked, COUNT_CAP + 1);
  }
  const walked = plan.kind === 'walk' ? await walkedAll(db, kind, query, wanted, plan.bound, COUNT_CAP + 1) : null;
  if (walked) return fromWindow(db, kind, query, wanted, walked, walked.n);
  const all = (await matchedPart(db, kind, query, 'all', wanted)) ?? { n: 0, keys: [] };
  if (all.n <= COUNT_CAP || wanted <= 0) return all;
  const titled = await rankedPart(db, kind, query, 'title', wanted);
  const rest = titled.length < wanted ? await rankedPart(db, kind, query, 'rest', wanted - titled.length) : [];
  return { n: all.n, keys: [...titled, ...rest] };
}

/**
 * Each kind's plan for this query: from the estimates of words, the index plan for a credit code.
 * `wanted`: the rows each kind's page needs (0 for a tab only counted).
 */
async function plansOf(db: Db, query: RunnableQuery, wanted: readonly number[]): Promise<LookupPlan[]> {
  if (query.kind !== 'words') return SEARCH_KINDS.map(() => INDEX_PLAN);
  return planLookups(
    db,
    SEARCH_KINDS.map((kind) => source(kind).stats),
    query.words,
    COUNT_CAP + 1,
    wanted,
  );
}

/** What the results show, for ids already ranked, with personal numbers in old text masked before the snippet is cut. */
async function hitsOf(db: Db, kind: SearchKind, ids: number[]): Promise<Map<number, SearchHit>> {
  const found = await source(kind).hits(db, ids);
  for (const [id, hit] of found) found.set(id, maskPublicFields(hit));
  return found;
}

async function hitsInOrder(db: Db, keys: { kind: SearchKind; id: number }[]): Promise<SearchHit[]> {
  const byKind = await Promise.all(SEARCH_KINDS.map((kind) => hitsOf(db, kind, keys.filter((k) => k.kind === kind).map((k) => k.id))));
  return keys.flatMap((k) => byKind[SEARCH_KINDS.indexOf(k.kind)]!.get(k.id) ?? []);
}

/** One value per search kind. */
const byKind = <T>(values: readonly T[]): Record<SearchKind, T> => Object.fromEntries(SEARCH_KINDS.map((kind, i) => [kind, values[i]!])) as Record<SearchKind, T>;

export type SiteSearchResult = {
  /** Per kind, capped at COUNT_CAP + 1 (show as "1000+"). */
  counts: Record<SearchKind, number>;
  /** Count for the tab shown (the sum for 全部). */
  total: number;
  hits: SearchHit[];
  page: number;
  pageCount: number;
};

export function clampSearchPage(page: number): number {
  return Number.isInteger(page) && page > 1 ? Math.min(page, MAX_SEARCH_PAGE) : 1;
}

/** One page of one tab with every tab's count. 全部 merges the kinds' rankings (title matches, then newest). */
export async function searchPublic(db: Db, query: RunnableQuery, options: { tab?: SearchTab; page?: number; plan?: LookupPlan } = {}): Promise<SiteSearchResult> {
  const tab = options.tab ?? 'all';
  const page = clampSearchPage(options.page ?? 1);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // Each shown kind's first page*20 (deep pages are capped, so this stays small); the other tabs only count.
  const wanted = SEARCH_KINDS.map((kind) => (tab === 'all' || tab === kind ? offset + SEARCH_PAGE_SIZE : 0));
  const plans = options.plan ? SEARCH_KINDS.map(() => options.plan!) : await plansOf(db, query, wanted);
  const ranked = await Promise.all(SEARCH_KINDS.map((kind, i) => rankedKeys(db, kind, query, wanted[i]!, plans[i]!)));
  const keys = SEARCH_KINDS.flatMap((kind, i) => ranked[i]!.keys.map((k) => ({ ...k, kind })))
    .sort((a, b) => Number(b.titleMatch) - Number(a.titleMatch) || b.at - a.at || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind) || b.id - a.id)
    .slice(offset, offset + SEARCH_PAGE_SIZE);
  const hits = await hitsInOrder(db, keys);
  const counts = byKind(ranked.map((r) => r.n));
  const total = tab === 'all' ? ranked.reduce((sum, r) => sum + r.n, 0) : counts[tab];
  const pageCount = Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / SEARCH_PAGE_SIZE)));
  return { counts, total, hits, page, pageCount };
}

/** The first `limit` results of each kind (for callers that show kinds side by side, and for tests). */
export async function searchEachKind(db: Db, query: RunnableQuery, limit = SEARCH_PAGE_SIZE): Promise<Record<SearchKind, SearchHit[]>> {
  const plans = await plansOf(db, query, SEARCH_KINDS.map(() => limit));
  return byKind(await Promise.all(SEARCH_KINDS.map(async (kind, i) => hitsInOrder(db, (await rankedKeys(db, kind, query, limit, plans[i]!)).keys.map((k) => ({ kind, id: k.id }))))));
}

/**
 * Raw text as typed, parsed as the search page parses it; the first `limit` results of each kind, each
 * hit's headline (for credit entries the public, possibly masked name) also under `name`. Nothing for text
 * the page would refuse or ask again about.
 */
export async function searchSite(db: Db, raw: string, limit = SEARCH_PAGE_SIZE): Promise<Record<SearchKind, (SearchHit & { name: string })[]>> {
  const query = parseSearchQuery(raw);
  const found = query.kind === 'words' || query.kind === 'code' ? await searchEachKind(db, query, limit) : byKind(SEARCH_KINDS.map(() => []));
  return byKind(SEARCH_KINDS.map((kind) => found[kind].map((hit) => ({ ...hit, name: hit.title }))));
}
