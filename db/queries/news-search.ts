// 文明动态 in the site search: public articles matched by words in the title, summary and body.
import { and, desc, eq, inArray, not, type SQL } from 'drizzle-orm';
import { formatDay } from '@/lib/dates';
import { snippetSource } from '@/lib/search-text';
import type { Db } from '../client';
import { newsArticles, newsChannels } from '../schema';
import { FENCE } from './capped-count';
import { newsPath, publicNews } from './news';
import { allIn, titleFlag, titleIndexMatch, titlePart, walkSource, wordsMatch, type MatchPart, type RunnableQuery, type SearchHit, type SearchSource } from './search-source';

function newsFilter(query: RunnableQuery): SQL | null {
  if (query.kind !== 'words') return null;
  return and(publicNews(), wordsMatch(query.words, newsArticles.searchText, newsArticles.searchBigrams))!;
}

/** The table, or (bounded) its newest `bound` public rows (search-source.ts). */
function newsSource(db: Db, bound: number | null) {
  const { id, title, status, publishedAt, searchText, searchBigrams } = newsArticles;
  return walkSource(db, newsArticles, bound, { columns: { id, title, status, publishedAt, searchText, searchBigrams }, visible: publicNews(), newest: [publishedAt, id] });
}

function walkKeys(db: Db, query: RunnableQuery, part: MatchPart, bound: number | null) {
  if (query.kind !== 'words') return null;
  const filter = newsFilter(query);
  if (!filter) return null;
  return db
    .select({ id: newsArticles.id, titleMatch: titleFlag(part, newsArticles.title, query.words), at: newsArticles.publishedAt })
    .from(newsSource(db, bound))
    .where(and(titlePart(part, newsArticles.title, query.words), part === 'title' ? publicNews() : filter))
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id));
}

export const newsSearch: SearchSource = {
  stats: { table: 'news_articles', column: 'search_bigrams' },

  matchKeys(db, query, part) {
    if (query.kind !== 'words') return null;
    const { words } = query;
    const match = part === 'title' ? titleIndexMatch(newsArticles.title, words) : wordsMatch(words, newsArticles.searchText, newsArticles.searchBigrams);
    const fenced = db
      .select({ id: newsArticles.id, title: newsArticles.title, status: newsArticles.status, publishedAt: newsArticles.publishedAt })
      .from(newsArticles)
      .where(match)
      .offset(FENCE)
      .as('news_articles');
    return db
      .select({ id: newsArticles.id, titleMatch: titleFlag(part, newsArticles.title, words), at: newsArticles.publishedAt })
      .from(fenced)
      .where(and(publicNews(), part === 'rest' ? not(allIn(newsArticles.title, words)) : undefined))
      .$dynamic();
  },

  walkKeys,

  async hits(db, ids) {
    const found = new Map<number, SearchHit>();
    if (ids.length === 0) return found;
    const rows = await db
      .select({ id: newsArticles.id, slug: newsArticles.slug, title: newsArticles.title, searchText: newsArticles.searchText, publishedAt: newsArticles.publishedAt, channelName: newsChannels.name })
      .from(newsArticles)
      .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
      .where(and(publicNews(), inArray(newsArticles.id, ids)));
    for (const r of rows) {
      // search_text is title, summary and body on separate lines; the snippet comes from summary and body.
      const [, summary = '', body = ''] = r.searchText.split('\n');
      const text = snippetSource(summary, body);
      found.set(r.id, { kind: 'news', id: r.id, href: newsPath(r), title: r.title, text, date: r.publishedAt && formatDay(r.publishedAt), label: r.channelName, creditCode: null });
    }
    return found;
  },
};
