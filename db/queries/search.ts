// Site-wide search over public news, good people and credit entries. Chinese has no word spaces, so each
// word is a substring: words of 3+ characters by ILIKE on pg_trgm GIN indexes, two-character words by
// the bigram GIN indexes (search_bigrams @> ARRAY['诚信'], exact on its own: see migration 0005). Every
// query applies its kind's one public filter; credit entries are matched by name (or checked code) only,
// and natural persons in categories that mask names are never matched by name.
import { and, desc, eq, ilike, inArray, lte, ne, not, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder';
import { cityDay, formatDay } from '@/lib/dates';
import { parseSearchQuery, snippetSource, type SearchQuery } from '@/lib/search-text';
import type { Db } from '../client';
import { creditBatches, creditCategories, creditEntries, goodPeople, goodPeopleBatches, newsArticles, newsChannels } from '../schema';
import { COUNT_CAP, FENCE } from './capped-count';
import { fencedEntries, nameMatchAllowed, publicCredit, publicSubjectName } from './credit';
import { likeContains } from '@/lib/lookup-text';
import { maskPublicFields } from '@/lib/pii-detect';
import { newsPath, publicNews } from './news';
import { publicPeople } from './people';

export type SearchKind = 'news' | 'people' | 'credit';
export type SearchTab = 'all' | SearchKind;
export const SEARCH_KINDS: SearchKind[] = ['news', 'people', 'credit'];
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages are not served: nobody reads them, and OFFSET gets slower the deeper it goes. */
export const MAX_SEARCH_PAGE = 50;
/** Counts stop here; a tab then shows "1000+" (an exact count of a common word would read every match). */
export { COUNT_CAP };

/** A query worth running: words (all must occur) or a checked credit code. */
export type RunnableQuery = Extract<SearchQuery, { kind: 'words' } | { kind: 'code' }>;

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

type RankedKey = { id: number; titleMatch: boolean; at: number };

const charCount = (text: string) => Array.from(text).length;

/** All words occur: two-character words through the bigram column, longer ones by ILIKE on the text. */
function wordsMatch(words: string[], textColumn: Column, bigramColumn: Column): SQL {
  const pairs = words.filter((w) => charCount(w) === 2);
  const conditions: SQL[] = [];
  if (pairs.length > 0) conditions.push(sql`${bigramColumn} @> ARRAY[${sql.join(pairs.map((p) => sql`lower(${p}::text)`), sql`, `)}]::text[]`);
  for (const word of words.filter((w) => charCount(w) > 2)) conditions.push(ilike(textColumn, likeContains(word)));
  return and(...conditions)!;
}

function allIn(column: Column, words: string[]): SQL {
  return and(...words.map((w) => ilike(column, likeContains(w))))!;
}

function newsFilter(query: RunnableQuery): SQL | null {
  if (query.kind !== 'words') return null;
  return and(publicNews(), wordsMatch(query.words, newsArticles.searchText, newsArticles.searchBigrams))!;
}

function peopleFilter(query: RunnableQuery): SQL | null {
  if (query.kind !== 'words') return null;
  return and(publicPeople(), wordsMatch(query.words, goodPeople.searchText, goodPeople.searchBigrams))!;
}

/** Needs credit_categories and credit_batches joined. */
function creditFilter(query: RunnableQuery): SQL {
  if (query.kind === 'code') return and(publicCredit(), eq(creditEntries.creditCode, query.code))!;
  return and(
    publicCredit(),
    wordsMatch(query.words, creditEntries.name, creditEntries.searchBigrams),
    or(ne(creditEntries.subjectKind, '自然人'), eq(creditCategories.personNameMasking, 'full')),
  )!;
}

const NO_WORDS = sql<boolean>`true`;

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
 */
export type RankPart = 'title' | 'rest';
type MatchPart = 'all' | RankPart;

function titlePart(part: RankPart, column: Column, words: string[]): SQL {
  const inTitle = allIn(column, words);
  return part === 'title' ? inTitle : not(inTitle);
}

/**
 * Title (name) match served by an index: two-character words through `cjk_bigrams(title)` (expression
 * indexes of migration 0009), longer ones by the ILIKE on the title trigram index. The ILIKE applies to
 * every word, so the rows are exactly allIn()'s. A title match is always a text match too (the search
 * text and its bigrams start with the title), so the text condition is not repeated.
 */
function titleIndexMatch(column: Column, words: string[]): SQL {
  const pairs = words.filter((w) => charCount(w) === 2);
  const inTitle = allIn(column, words);
  if (pairs.length === 0) return inTitle;
  return and(sql`cjk_bigrams(${column}) @> ARRAY[${sql.join(pairs.map((p) => sql`lower(${p}::text)`), sql`, `)}]::text[]`, inTitle)!;
}

/**
 * Where a walk reads from: the table itself, or (bounded) only its newest `bound` public rows, behind a
 * LIMIT that also fences the subquery. The subquery takes the table's name, so the filters apply unchanged.
 */
function newsSource(db: Db, bound: number | null) {
  if (bound === null) return newsArticles;
  const { id, title, status, publishedAt, searchText, searchBigrams } = newsArticles;
  const newest = db.select({ id, title, status, publishedAt, searchText, searchBigrams }).from(newsArticles).where(publicNews()).orderBy(desc(publishedAt), desc(id)).limit(bound);
  // A subquery with the table's columns under the table's name: typed as the table for the builder.
  return newest.as('news_articles') as unknown as typeof newsArticles;
}

function peopleSource(db: Db, bound: number | null) {
  if (bound === null) return goodPeople;
  const { id, name, status, publishedAt, batchId, searchText, searchBigrams } = goodPeople;
  const newest = db
    .select({ id, name, status, publishedAt, batchId, searchText, searchBigrams })
    .from(goodPeople)
    .where(and(eq(status, 'published'), lte(publishedAt, new Date())))
    .orderBy(desc(publishedAt), desc(id))
    .limit(bound);
  return newest.as('good_people') as unknown as typeof goodPeople;
}

function creditSource(db: Db, bound: number | null) {
  if (bound === null) return creditEntries;
  const { id, status, listedDate, publicationEnd, batchId, categoryId, subjectKind, name, creditCode, searchBigrams } = creditEntries;
  const newest = db
    .select({ id, status, listedDate, publicationEnd, batchId, categoryId, subjectKind, name, creditCode, searchBigrams })
    .from(creditEntries)
    .where(lte(listedDate, cityDay()))
    .orderBy(desc(listedDate), desc(id))
    .limit(bound);
  return newest.as('credit_entries') as unknown as typeof creditEntries;
}

function newsKeys(db: Db, filter: SQL, words: string[], part: RankPart, bound: number | null) {
  return db
    .select({ id: newsArticles.id, titleMatch: (part === 'title' ? sql<boolean>`true` : sql<boolean>`false`).as('title_match'), at: newsArticles.publishedAt })
    .from(newsSource(db, bound))
    .where(and(titlePart(part, newsArticles.title, words), part === 'title' ? publicNews() : filter))
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id));
}

function peopleKeys(db: Db, filter: SQL, words: string[], part: RankPart, bound: number | null) {
  return db
    .select({ id: goodPeople.id, titleMatch: (part === 'title' ? sql<boolean>`true` : sql<boolean>`false`).as('title_match'), at: goodPeople.publishedAt })
    .from(peopleSource(db, bound))
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(titlePart(part, goodPeople.name, words), part === 'title' ? publicPeople() : filter))
    .orderBy(desc(goodPeople.publishedAt), desc(goodPeople.id));
}

// Credit entries match by name only, so every match is a title match: newest listed first.
function creditKeys(db: Db, filter: SQL, bound: number | null) {
  return db
    .select({ id: creditEntries.id, titleMatch: NO_WORDS.as('title_match'), at: creditEntries.listedDate })
    .from(creditSource(db, bound))
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(filter)
    .orderBy(desc(creditEntries.listedDate), desc(creditEntries.id));
}

function timeOf(at: Date | string | null): number {
  if (at === null) return 0;
  return typeof at === 'string' ? Date.parse(`${at}T00:00:00+08:00`) : at.getTime();
}

/**
 * The walk down a kind's date index for one part, newest first (null: nothing to run for this part);
 * with a bound, over the newest `bound` public rows only. The title part tests the title alone: a title
 * match is a text match too (the search text and its bigrams start with the title), and reading a long
 * text's bigram array for each row would cost more than the title test itself.
 */
export function rankedKeysQuery(db: Db, kind: SearchKind, query: RunnableQuery, part: RankPart = 'title', bound: number | null = null) {
  if (kind === 'credit') return part === 'title' ? creditKeys(db, creditFilter(query), bound) : null;
  if (query.kind !== 'words') return null;
  const filter = kind === 'news' ? newsFilter(query) : peopleFilter(query);
  if (!filter) return null;
  return kind === 'news' ? newsKeys(db, filter, query.words, part, bound) : peopleKeys(db, filter, query.words, part, bound);
}

async function walkPart(db: Db, kind: SearchKind, query: RunnableQuery, part: RankPart, limit: number, bound: number | null = null): Promise<RankedKey[]> {
  const builder = rankedKeysQuery(db, kind, query, part, bound);
  if (!builder || limit <= 0) return [];
  const rows: { id: number; titleMatch: boolean; at: Date | string | null }[] = await builder.limit(limit);
  return rows.map((r) => ({ id: r.id, titleMatch: part === 'title', at: timeOf(r.at) }));
}

/** How far a bounded walk reads before the part is looked up through its indexes instead. */
const walkBound = (wanted: number) => 10 * wanted;

/**
 * A kind's public matches of one part found through its GIN indexes, unsorted and unlimited (the caller
 * limits it to COUNT_CAP + 1). 'all': every match, each with its title flag; 'title' / 'rest': one part of
 * the ranking. Null when the kind has nothing for this part (news and people match words only; a credit
 * code or name match is all title).
 */
export function matchKeysQuery(db: Db, kind: SearchKind, query: RunnableQuery, part: MatchPart = 'all') {
  if (kind === 'credit') {
    if (part === 'rest') return null;
    const match = query.kind === 'code' ? eq(creditEntries.creditCode, query.code) : wordsMatch(query.words, creditEntries.name, creditEntries.searchBigrams);
    return db
      .select({ id: creditEntries.id, titleMatch: NO_WORDS.as('title_match'), at: creditEntries.listedDate })
      .from(fencedEntries(db, match))
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(and(publicCredit(), query.kind === 'code' ? undefined : nameMatchAllowed()))
      .$dynamic();
  }
  if (query.kind !== 'words') return null;
  const { words } = query;
  const flag = (column: Column) => (part === 'all' ? allIn(column, words) : part === 'title' ? sql<boolean>`true` : sql<boolean>`false`).as('title_match');
  if (kind === 'news') {
    const match = part === 'title' ? titleIndexMatch(newsArticles.title, words) : wordsMatch(words, newsArticles.searchText, newsArticles.searchBigrams);
    const fenced = db
      .select({ id: newsArticles.id, title: newsArticles.title, status: newsArticles.status, publishedAt: newsArticles.publishedAt })
      .from(newsArticles)
      .where(match)
      .offset(FENCE)
      .as('news_articles');
    return db
      .select({ id: newsArticles.id, titleMatch: flag(newsArticles.title), at: newsArticles.publishedAt })
      .from(fenced)
      .where(and(publicNews(), part === 'rest' ? not(allIn(newsArticles.title, words)) : undefined))
      .$dynamic();
  }
  const match = part === 'title' ? titleIndexMatch(goodPeople.name, words) : wordsMatch(words, goodPeople.searchText, goodPeople.searchBigrams);
  const fenced = db
    .select({ id: goodPeople.id, name: goodPeople.name, status: goodPeople.status, publishedAt: goodPeople.publishedAt, batchId: goodPeople.batchId })
    .from(goodPeople)
    .where(match)
    .offset(FENCE)
    .as('good_people');
  return db
    .select({ id: goodPeople.id, titleMatch: flag(goodPeople.name), at: goodPeople.publishedAt })
    .from(fenced)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), part === 'rest' ? not(allIn(goodPeople.name, words)) : undefined))
    .$dynamic();
}

type PartKeys = { n: number; keys: RankedKey[] };
type KeyFields = { id: SQL.Aliased<number>; titleMatch: SQL.Aliased<boolean>; at: SQL.Aliased<Date | string | null> };

/** Up to COUNT_CAP + 1 matches of a part, counted, and the first `wanted` of them in ranking order. */
async function matchedPart(db: Db, kind: SearchKind, query: RunnableQuery, part: MatchPart, wanted: number): Promise<PartKeys | null> {
  const builder = matchKeysQuery(db, kind, query, part);
  if (!builder) return null;
  // The three kinds' builders differ in type only by their tables: give $with one shape (decoding still
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
  const bounded = await walkPart(db, kind, query, part, wanted, walkBound(wanted));
  if (bounded.length >= wanted) return bounded;
  // A credit entry's match is all title: its matches were counted already (more than COUNT_CAP).
  const matched = kind === 'credit' ? null : await matchedPart(db, kind, query, part, wanted);
  if (matched && matched.n <= COUNT_CAP) return matched.keys;
  return walkPart(db, kind, query, part, wanted);
}

/** A kind's count (up to COUNT_CAP + 1) and its first `wanted` keys in ranking order. */
async function rankedKeys(db: Db, kind: SearchKind, query: RunnableQuery, wanted: number): Promise<PartKeys> {
  const all = (await matchedPart(db, kind, query, 'all', wanted)) ?? { n: 0, keys: [] };
  if (all.n <= COUNT_CAP || wanted <= 0) return all;
  const titled = await rankedPart(db, kind, query, 'title', wanted);
  const rest = titled.length < wanted ? await rankedPart(db, kind, query, 'rest', wanted - titled.length) : [];
  return { n: all.n, keys: [...titled, ...rest] };
}

/** What a result shows, for ids already ranked (the public filter is applied again: it is cheap). */
async function hitsOf(db: Db, kind: SearchKind, ids: number[]): Promise<Map<number, SearchHit>> {
  const found = new Map<number, SearchHit>();
  if (ids.length === 0) return found;
  if (kind === 'news') {
    const rows = await db
      .select({ id: newsArticles.id, slug: newsArticles.slug, title: newsArticles.title, searchText: newsArticles.searchText, publishedAt: newsArticles.publishedAt, channelName: newsChannels.name })
      .from(newsArticles)
      .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
      .where(and(publicNews(), inArray(newsArticles.id, ids)));
    for (const r of rows) {
      // search_text is title, summary and body on separate lines; the snippet comes from summary and body.
      const [, summary = '', body = ''] = r.searchText.split('\n');
      const text = snippetSource(summary, body);
      found.set(r.id, { kind, id: r.id, href: newsPath(r), title: r.title, text, date: r.publishedAt && formatDay(r.publishedAt), label: r.channelName, creditCode: null });
    }
  } else if (kind === 'people') {
    const rows = await db
      .select({ id: goodPeople.id, name: goodPeople.name, searchText: goodPeople.searchText, publishedAt: goodPeople.publishedAt, category: goodPeople.category, level: goodPeople.level })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(publicPeople(), inArray(goodPeople.id, ids)));
    for (const r of rows) {
      // search_text is name, region and unit, deed, story on separate lines.
      const [, place = '', deed = '', story = ''] = r.searchText.split('\n');
      const text = snippetSource(deed, story) || place;
      found.set(r.id, { kind, id: r.id, href: `/good-people/${r.id}`, title: r.name, text, date: r.publishedAt && formatDay(r.publishedAt), label: `${r.level} · ${r.category}`, creditCode: null });
    }
  } else {
    const rows = await db
      .select({
        id: creditEntries.id,
        list: creditEntries.list,
        name: creditEntries.name,
        subjectKind: creditEntries.subjectKind,
        personNameMasking: creditCategories.personNameMasking,
        category: creditCategories.name,
        creditCode: creditEntries.creditCode,
        reason: creditEntries.reason,
        listedDate: creditEntries.listedDate,
      })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(and(publicCredit(), inArray(creditEntries.id, ids)));
    for (const r of rows) {
      found.set(r.id, {
        kind,
        id: r.id,
        href: `/credit/${r.id}`,
        title: publicSubjectName(r),
        text: r.reason,
        date: r.listedDate,
        label: `${r.list === 'red' ? '守信红榜' : '失信黑榜'} · ${r.category}`,
        creditCode: r.creditCode,
      });
    }
  }
  // Personal numbers in old text are masked before the snippet is cut (a cut must not leave digits showing).
  for (const [id, hit] of found) found.set(id, maskPublicFields(hit));
  return found;
}

async function hitsInOrder(db: Db, keys: { kind: SearchKind; id: number }[]): Promise<SearchHit[]> {
  const byKind = await Promise.all(SEARCH_KINDS.map((kind) => hitsOf(db, kind, keys.filter((k) => k.kind === kind).map((k) => k.id))));
  return keys.flatMap((k) => byKind[SEARCH_KINDS.indexOf(k.kind)]!.get(k.id) ?? []);
}

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
export async function searchPublic(db: Db, query: RunnableQuery, options: { tab?: SearchTab; page?: number } = {}): Promise<SiteSearchResult> {
  const tab = options.tab ?? 'all';
  const page = clampSearchPage(options.page ?? 1);
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // Each shown kind's first page*20 (deep pages are capped, so this stays small); the other tabs only count.
  const ranked = await Promise.all(SEARCH_KINDS.map((kind) => rankedKeys(db, kind, query, tab === 'all' || tab === kind ? offset + SEARCH_PAGE_SIZE : 0)));
  const keys = SEARCH_KINDS.flatMap((kind, i) => ranked[i]!.keys.map((k) => ({ ...k, kind })))
    .sort((a, b) => Number(b.titleMatch) - Number(a.titleMatch) || b.at - a.at || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind) || b.id - a.id)
    .slice(offset, offset + SEARCH_PAGE_SIZE);
  const hits = await hitsInOrder(db, keys);
  const counts = { news: ranked[0]!.n, people: ranked[1]!.n, credit: ranked[2]!.n };
  const total = tab === 'all' ? counts.news + counts.people + counts.credit : counts[tab];
  const pageCount = Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / SEARCH_PAGE_SIZE)));
  return { counts, total, hits, page, pageCount };
}

/** The first `limit` results of each kind (for callers that show kinds side by side, and for tests). */
export async function searchEachKind(db: Db, query: RunnableQuery, limit = SEARCH_PAGE_SIZE): Promise<Record<SearchKind, SearchHit[]>> {
  const [news, people, credit] = await Promise.all(
    SEARCH_KINDS.map(async (kind) => hitsInOrder(db, (await rankedKeys(db, kind, query, limit)).keys.map((k) => ({ kind, id: k.id })))),
  );
  return { news: news!, people: people!, credit: credit! };
}

/**
 * Raw text as typed, parsed as the search page parses it; the first `limit` results of each kind, with
 * credit entries' public names under `name`. Nothing for text the page would refuse or ask again about.
 */
export async function searchSite(db: Db, raw: string, limit = SEARCH_PAGE_SIZE) {
  const query = parseSearchQuery(raw);
  if (query.kind !== 'words' && query.kind !== 'code') return { news: [], people: [], credit: [] };
  const found = await searchEachKind(db, query, limit);
  return { ...found, credit: found.credit.map((hit) => ({ ...hit, name: hit.title })) };
}
