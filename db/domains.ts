// The database-bound parts of each content domain, under the keys of lib/domains: its site-search source,
// its sitemap entries, its dashboard counts and its demo-seed step. The search page, sitemap.xml, the
// dashboard and seedDemo() read this registry instead of naming domains.
import type { Domain, DomainKey, DomainOf } from '@/lib/domains';
import type { Db } from './client';
import { listPublicCreditBatches } from './queries/credit';
import { creditQueueCounts } from './queries/credit-admin/queues';
import { creditSearch } from './queries/credit-search';
import { reviewQueue, type ReviewQueue } from './queries/dashboard';
import { ledgerQueueCounts } from './queries/ledger/ledger-admin/queues';
import { listSitemapUnits } from './queries/ledger/ledger';
import { ledgerSearch } from './queries/ledger/ledger-search';
import { listChannels, listSitemapArticles, newsPath } from './queries/news';
import { newsSearch } from './queries/news-search';
import { peopleQueueCounts } from './queries/people-admin/queues';
import { peopleSearch } from './queries/people-search';
import type { SearchSource } from './queries/search-source';
import { creditBatches, goodPeopleBatches, newsArticles } from './schema';

/** A sitemap.xml entry by path (app/sitemap.ts makes it absolute). */
export type SitemapEntry = { path: string; lastModified?: Date; changeFrequency: 'daily' | 'weekly' | 'monthly'; priority: number };

type WaitingKeys<D extends Domain> = D['dashboard'] extends { waiting: { items: infer I } }
  ? keyof I | { [K in keyof I]: I[K] extends { note: { count: infer C extends string } } ? C : never }[keyof I]
  : never;

/** The counts behind a domain's dashboard cards (lib/domains dashboard), by the same keys. */
export type DashboardCounts<D extends Domain> = {
  review: Record<keyof D['dashboard']['review'], ReviewQueue>;
  waiting: Record<WaitingKeys<D>, number>;
};

/** Any domain's dashboard counts, for the page that shows every domain's cards. */
export type AnyDashboardCounts = { review: Readonly<Record<string, ReviewQueue>>; waiting: Readonly<Record<string, number>> };

export type DomainData<D extends Domain> = {
  /** The domain's site-search source (every domain with a search tab has one). */
  search: D extends { search: object } ? SearchSource : undefined;
  sitemap(db: Db): Promise<SitemapEntry[]>;
  dashboard(db: Db): Promise<DashboardCounts<D>>;
  /** Writes the domain's demo data (inside seedDemo's transaction) and says how many rows of what. */
  seed(db: Db, today: string): Promise<object>;
};

// Seed steps are imported on first use: their texts stay out of the pages that read this registry.
export const DOMAIN_DATA = {
  news: {
    search: newsSearch,
    async sitemap(db) {
      const [channels, articles] = await Promise.all([listChannels(db), listSitemapArticles(db)]);
      return [
        { path: '/news', changeFrequency: 'daily', priority: 0.9 },
        ...channels.map((channel): SitemapEntry => ({ path: `/news/channel/${channel.slug}`, changeFrequency: 'daily', priority: 0.7 })),
        ...articles.map((article): SitemapEntry => ({ path: newsPath(article), lastModified: article.lastModified, changeFrequency: 'weekly', priority: 0.6 })),
      ];
    },
    dashboard: async (db) => ({ review: { articles: await reviewQueue(db, newsArticles) }, waiting: {} }),
    seed: async (db, today) => (await import('./seed/gen-news')).seedNews(db, today),
  },
  people: {
    search: peopleSearch,
    sitemap: async () => [{ path: '/good-people', changeFrequency: 'weekly', priority: 0.8 }],
    async dashboard(db) {
      const [batches, queues] = await Promise.all([reviewQueue(db, goodPeopleBatches), peopleQueueCounts(db)]);
      return {
        review: { batches },
        waiting: { recommendations: queues.recommendations, comments: queues.pendingComments + queues.hiddenComments, hiddenComments: queues.hiddenComments },
      };
    },
    seed: async (db, today) => (await import('./seed/gen-people')).seedPeople(db, today),
  },
  credit: {
    search: creditSearch,
    async sitemap(db) {
      const batches = await listPublicCreditBatches(db);
      return [
        { path: '/credit', changeFrequency: 'weekly', priority: 0.8 },
        // Lists and batches only: entry pages about people are not offered to crawlers, and an entry's
        // expiry then needs no sitemap change at all.
        { path: '/credit/red', changeFrequency: 'weekly', priority: 0.7 },
        { path: '/credit/black', changeFrequency: 'weekly', priority: 0.7 },
        { path: '/credit/batch', changeFrequency: 'weekly', priority: 0.5 },
        ...batches.map((batch): SitemapEntry => ({ path: `/credit/batch/${batch.id}`, lastModified: batch.publishedAt, changeFrequency: 'monthly', priority: 0.5 })),
      ];
    },
    async dashboard(db) {
      const [batches, queues] = await Promise.all([reviewQueue(db, creditBatches), creditQueueCounts(db)]);
      return { review: { batches }, waiting: { openObjections: queues.openObjections } };
    },
    seed: async (db, today) => (await import('./seed/gen-credit')).seedCredit(db, today),
  },
  ledger: {
    search: ledgerSearch,
    async sitemap(db) {
      const unitRows = await listSitemapUnits(db);
      return [
        // The list and the unit pages; single items are many and change daily (the list links them).
        { path: '/ledger', changeFrequency: 'daily', priority: 0.8 },
        { path: '/units', changeFrequency: 'weekly', priority: 0.6 },
        ...unitRows.map((unit): SitemapEntry => ({ path: `/units/${unit.id}`, lastModified: unit.updatedAt, changeFrequency: 'weekly', priority: 0.5 })),
      ];
    },
    // The site-wide counts; a unit handler's dashboard asks ledgerQueueCounts(db, { unitId }) itself.
    dashboard: async (db) => ({ review: {}, waiting: await ledgerQueueCounts(db) }),
    seed: async (db, today) => (await import('./seed/gen-ledger')).seedLedger(db, today),
  },
} satisfies { [K in DomainKey]: DomainData<DomainOf<K>> };
