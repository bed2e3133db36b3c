// 好人榜 in the site search: public good people matched by words in the name, place, deed and story.
import { and, desc, eq, inArray, lte, not, type SQL } from 'drizzle-orm';
import { formatDay } from '@/lib/dates';
import { snippetSource } from '@/lib/search-text';
import type { Db } from '../client';
import { goodPeople, goodPeopleBatches } from '../schema';
import { FENCE } from './capped-count';
import { publicPeople } from './people';
import { allIn, titleFlag, titleIndexMatch, titlePart, walkSource, wordsMatch, type MatchPart, type RunnableQuery, type SearchHit, type SearchSource } from './search-source';

function peopleFilter(query: RunnableQuery): SQL | null {
  if (query.kind !== 'words') return null;
  return and(publicPeople(), wordsMatch(query.words, goodPeople.searchText, goodPeople.searchBigrams))!;
}

/** The table, or (bounded) its newest `bound` published rows (search-source.ts). */
function peopleSource(db: Db, bound: number | null) {
  const { id, name, status, publishedAt, batchId, searchText, searchBigrams } = goodPeople;
  const visible = and(eq(status, 'published'), lte(publishedAt, new Date()));
  return walkSource(db, goodPeople, bound, { columns: { id, name, status, publishedAt, batchId, searchText, searchBigrams }, visible, newest: [publishedAt, id] });
}

function walkKeys(db: Db, query: RunnableQuery, part: MatchPart, bound: number | null) {
  if (query.kind !== 'words') return null;
  const filter = peopleFilter(query);
  if (!filter) return null;
  return db
    .select({ id: goodPeople.id, titleMatch: titleFlag(part, goodPeople.name, query.words), at: goodPeople.publishedAt })
    .from(peopleSource(db, bound))
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(titlePart(part, goodPeople.name, query.words), part === 'title' ? publicPeople() : filter))
    .orderBy(desc(goodPeople.publishedAt), desc(goodPeople.id));
}

export const peopleSearch: SearchSource = {
  stats: { table: 'good_people', column: 'search_bigrams' },

  matchKeys(db, query, part) {
    if (query.kind !== 'words') return null;
    const { words } = query;
    const match = part === 'title' ? titleIndexMatch(goodPeople.name, words) : wordsMatch(words, goodPeople.searchText, goodPeople.searchBigrams);
    const fenced = db
      .select({ id: goodPeople.id, name: goodPeople.name, status: goodPeople.status, publishedAt: goodPeople.publishedAt, batchId: goodPeople.batchId })
      .from(goodPeople)
      .where(match)
      .offset(FENCE)
      .as('good_people');
    return db
      .select({ id: goodPeople.id, titleMatch: titleFlag(part, goodPeople.name, words), at: goodPeople.publishedAt })
      .from(fenced)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(publicPeople(), part === 'rest' ? not(allIn(goodPeople.name, words)) : undefined))
      .$dynamic();
  },

  walkKeys,

  async hits(db, ids) {
    const found = new Map<number, SearchHit>();
    if (ids.length === 0) return found;
    const rows = await db
      .select({ id: goodPeople.id, name: goodPeople.name, searchText: goodPeople.searchText, publishedAt: goodPeople.publishedAt, category: goodPeople.category, level: goodPeople.level })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(publicPeople(), inArray(goodPeople.id, ids)));
    for (const r of rows) {
      // search_text is name, region and unit, deed, story on separate lines.
      const [, place = '', deed = '', story = ''] = r.searchText.split('\n');
      const text = snippetSource(deed, story) || place;
      found.set(r.id, { kind: 'people', id: r.id, href: `/good-people/${r.id}`, title: r.name, text, date: r.publishedAt && formatDay(r.publishedAt), label: `${r.level} · ${r.category}`, creditCode: null });
    }
    return found;
  },
};
