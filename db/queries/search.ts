// Site-wide search over public news, good people and credit entries. Chinese has no word spaces, so each
// word is a substring: words of 3+ characters by ILIKE on pg_trgm GIN indexes, two-character words by
// the bigram GIN indexes (search_bigrams @> ARRAY['诚信'], exact on its own: see migration 0005). Every
// query applies its kind's one public filter; credit entries are matched by name (or checked code) only,
// and natural persons in categories that mask names are never matched by name.
import { and, count, desc, eq, ilike, inArray, ne, or, sql, type Column, type SQL } from 'drizzle-orm';
import { formatDay } from '@/lib/dates';
import { parseSearchQuery, type SearchQuery } from '@/lib/search-text';
import type { Db } from '../client';
import { creditBatches, creditCategories, creditEntries, goodPeople, goodPeopleBatches, newsArticles, newsChannels } from '../schema';
import { likeContains, publicCredit, publicSubjectName } from './credit';
import { newsPath, publicNews } from './news';
import { publicPeople } from './people';

export type SearchKind = 'news' | 'people' | 'credit';
export type SearchTab = 'all' | SearchKind;
export const SEARCH_KINDS: SearchKind[] = ['news', 'people', 'credit'];
export const SEARCH_PAGE_SIZE = 20;
/** Deeper pages are not served: nobody reads them, and OFFSET gets slower the deeper it goes. */
export const MAX_SEARCH_PAGE = 50;
/** Counts stop here; a tab then shows "1000+" (an exact count of a common word would read every match). */
export const COUNT_CAP = 1000;

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

function newsKeys(db: Db, filter: SQL, words: string[]) {
  const titleMatch = words.length ? sql<boolean>`${allIn(newsArticles.title, words)}` : NO_WORDS;
  return db
    .select({ id: newsArticles.id, titleMatch: titleMatch.as('title_match'), at: newsArticles.publishedAt })
    .from(newsArticles)
    .where(filter)
    .orderBy(desc(titleMatch), desc(newsArticles.publishedAt), desc(newsArticles.id));
}

function peopleKeys(db: Db, filter: SQL, words: string[]) {
  const titleMatch = words.length ? sql<boolean>`${allIn(goodPeople.name, words)}` : NO_WORDS;
  return db
    .select({ id: goodPeople.id, titleMatch: titleMatch.as('title_match'), at: goodPeople.publishedAt })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(filter)
    .orderBy(desc(titleMatch), desc(goodPeople.publishedAt), desc(goodPeople.id));
}

// Credit entries match by name only, so every match is a title match: newest listed first.
function creditKeys(db: Db, filter: SQL) {
  return db
    .select({ id: creditEntries.id, titleMatch: NO_WORDS.as('title_match'), at: creditEntries.listedDate })
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(filter)
    .orderBy(desc(creditEntries.listedDate), desc(creditEntries.id));
}

function timeOf(at: Date | string | null): number {
  if (at === null) return 0;
  return typeof at === 'string' ? Date.parse(`${at}T00:00:00+08:00`) : at.getTime();
}

/** The query for the ranked ids of one kind: title matches first, newest first on ties (null: no query). */
export function rankedKeysQuery(db: Db, kind: SearchKind, query: RunnableQuery) {
  const words = query.kind === 'words' ? query.words : [];
  if (kind === 'credit') return creditKeys(db, creditFilter(query));
  const filter = kind === 'news' ? newsFilter(query) : peopleFilter(query);
  if (!filter) return null;
  return kind === 'news' ? newsKeys(db, filter, words) : peopleKeys(db, filter, words);
}

async function rankedKeys(db: Db, kind: SearchKind, query: RunnableQuery, limit: number, offset: number): Promise<RankedKey[]> {
  const builder = rankedKeysQuery(db, kind, query);
  if (!builder) return [];
  const rows: { id: number; titleMatch: boolean; at: Date | string | null }[] = await builder.limit(limit).offset(offset);
  return rows.map((r) => ({ id: r.id, titleMatch: Boolean(r.titleMatch), at: timeOf(r.at) }));
}

/** How many items of a kind match, counted up to COUNT_CAP + 1 through the same indexes as the list. */
async function countKind(db: Db, kind: SearchKind, query: RunnableQuery): Promise<number> {
  const one = sql<number>`1`.as('one');
  let hits;
  if (kind === 'credit') {
    hits = db
      .select({ one })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(creditFilter(query));
  } else if (kind === 'news') {
    const filter = newsFilter(query);
    if (!filter) return 0;
    hits = db.select({ one }).from(newsArticles).where(filter);
  } else {
    const filter = peopleFilter(query);
    if (!filter) return 0;
    hits = db.select({ one }).from(goodPeople).leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId)).where(filter);
  }
  const [row] = await db.select({ n: count() }).from(hits.limit(COUNT_CAP + 1).as('hits'));
  return row?.n ?? 0;
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
      const text = r.searchText.split('\n').slice(1).join(' ');
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
      const text = `${deed} ${story}`.trim() || place;
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
  const countsP = Promise.all(SEARCH_KINDS.map((kind) => countKind(db, kind, query)));
  let keys: { kind: SearchKind; id: number }[];
  if (tab === 'all') {
    // Each kind's first page*20, merged; deep pages are capped, so this stays small.
    const ranked = await Promise.all(SEARCH_KINDS.map(async (kind) => (await rankedKeys(db, kind, query, offset + SEARCH_PAGE_SIZE, 0)).map((k) => ({ ...k, kind }))));
    keys = ranked
      .flat()
      .sort((a, b) => Number(b.titleMatch) - Number(a.titleMatch) || b.at - a.at || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind) || b.id - a.id)
      .slice(offset, offset + SEARCH_PAGE_SIZE);
  } else {
    keys = (await rankedKeys(db, tab, query, SEARCH_PAGE_SIZE, offset)).map((k) => ({ ...k, kind: tab }));
  }
  const [hits, countList] = await Promise.all([hitsInOrder(db, keys), countsP]);
  const counts = { news: countList[0]!, people: countList[1]!, credit: countList[2]! };
  const total = tab === 'all' ? counts.news + counts.people + counts.credit : counts[tab];
  const pageCount = Math.min(MAX_SEARCH_PAGE, Math.max(1, Math.ceil(Math.min(total, COUNT_CAP) / SEARCH_PAGE_SIZE)));
  return { counts, total, hits, page, pageCount };
}

/** The first `limit` results of each kind (for callers that show kinds side by side, and for tests). */
export async function searchEachKind(db: Db, query: RunnableQuery, limit = SEARCH_PAGE_SIZE): Promise<Record<SearchKind, SearchHit[]>> {
  const [news, people, credit] = await Promise.all(
    SEARCH_KINDS.map(async (kind) => hitsInOrder(db, (await rankedKeys(db, kind, query, limit, 0)).map((k) => ({ kind, id: k.id })))),
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
