// The database-bound parts of the domain registry (db/domains.ts) on both engines: every declared domain
// has its dashboard counts under the declared keys, its sitemap entries under its own prefix (and exactly
// the public sections, channels, batches and articles), and its demo-seed step.
import { count, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { DOMAIN_DATA, type AnyDashboardCounts, type SitemapEntry } from '@/db/domains';
import { listPublicCreditBatches } from '@/db/queries/credit';
import { listUnitsPublic } from '@/db/queries/ledger/ledger';
import { listChannels, listSitemapArticles, newsPath } from '@/db/queries/news';
import { creditBatches, creditObjections, issues, goodPeople, goodPeopleBatches, goodPersonComments, goodPersonRecommendations, newsArticles } from '@/db/schema';
import { seedDemo, type SeedSummary } from '@/db/seed/demo';
import { cityDay } from '@/lib/dates';
import { DOMAINS, publicPrefixesOf, type DomainDeclaration } from '@/lib/domains';
import { engine, freshDatabase } from './helpers';

describe(`the domain registry's database parts on ${engine}`, () => {
  let handle: DbHandle;
  let summary: SeedSummary;
  const dashboards = new Map<string, AnyDashboardCounts>();
  const sitemaps = new Map<string, SitemapEntry[]>();

  beforeAll(async () => {
    handle = await freshDatabase();
    summary = await seedDemo(handle.db, { today: cityDay() });
    // Work for the queues beyond the demo data: a rejected article, a pending and a hidden comment.
    const [article] = await handle.db.select({ id: newsArticles.id }).from(newsArticles).where(eq(newsArticles.status, 'draft')).limit(1);
    await handle.db.update(newsArticles).set({ status: 'rejected' }).where(eq(newsArticles.id, article!.id));
    const [person] = await handle.db.select({ id: goodPeople.id }).from(goodPeople).limit(1);
    await handle.db.insert(goodPersonComments).values([
      { personId: person!.id, body: '向好人学习。', status: 'pending' },
      { personId: person!.id, body: '被举报的评论。', status: 'hidden', reportCount: 3 },
    ]);
    for (const domain of DOMAINS) {
      dashboards.set(domain.key, await DOMAIN_DATA[domain.key].dashboard(handle.db));
      sitemaps.set(domain.key, await DOMAIN_DATA[domain.key].sitemap(handle.db));
    }
  });
  afterAll(async () => {
    await handle.close();
  });

  it('registers every declared domain, and only those', () => {
    expect(Object.keys(DOMAIN_DATA).sort()).toEqual(DOMAINS.map((d) => d.key).sort());
  });

  it('seeds every domain: each step adds its own counts to the summary', () => {
    expect(summary.articles).toBeGreaterThanOrEqual(60);
    expect(summary.people).toBeGreaterThanOrEqual(42);
    expect(summary.creditEntries).toBeGreaterThanOrEqual(300);
    expect(summary.issues).toBeGreaterThanOrEqual(200);
    expect(summary.units).toBeGreaterThanOrEqual(30);
  });

  it("counts every dashboard card the declarations show, under the declared keys", () => {
    for (const domain of DOMAINS) {
      const { dashboard }: DomainDeclaration = domain;
      const counts = dashboards.get(domain.key)!;
      expect(Object.keys(counts.review).sort(), domain.key).toEqual(Object.keys(dashboard.review).sort());
      const waitingKeys = Object.entries(dashboard.waiting?.items ?? {}).flatMap(([key, item]) => [key, ...(item.note ? [item.note.count] : [])]);
      expect(Object.keys(counts.waiting).sort(), domain.key).toEqual([...new Set(waitingKeys)].sort());
      for (const queue of Object.values(counts.review)) expect(Number.isInteger(queue.drafts) && Number.isInteger(queue.pending)).toBe(true);
    }
  });

  it('gives the same numbers as counting the rows', async () => {
    const db = handle.db;
    const statusCount = async (table: typeof newsArticles | typeof goodPeopleBatches | typeof creditBatches, statuses: ('draft' | 'rejected' | 'pending')[]) =>
      (await db.select({ n: count() }).from(table).where(inArray(table.status, statuses)))[0]!.n;
    expect(dashboards.get('news')!.review).toEqual({ articles: { drafts: await statusCount(newsArticles, ['draft', 'rejected']), pending: await statusCount(newsArticles, ['pending']) } });
    expect(dashboards.get('news')!.review.articles!.drafts).toBeGreaterThan(0);
    expect(dashboards.get('people')!.review).toEqual({ batches: { drafts: await statusCount(goodPeopleBatches, ['draft', 'rejected']), pending: await statusCount(goodPeopleBatches, ['pending']) } });
    expect(dashboards.get('credit')!.review).toEqual({ batches: { drafts: await statusCount(creditBatches, ['draft', 'rejected']), pending: await statusCount(creditBatches, ['pending']) } });
    const [recommendations] = await db.select({ n: count() }).from(goodPersonRecommendations).where(eq(goodPersonRecommendations.status, 'pending'));
    const [pending] = await db.select({ n: count() }).from(goodPersonComments).where(eq(goodPersonComments.status, 'pending'));
    const [hidden] = await db.select({ n: count() }).from(goodPersonComments).where(eq(goodPersonComments.status, 'hidden'));
    expect([pending!.n, hidden!.n]).toEqual([1, 1]);
    expect(dashboards.get('people')!.waiting).toEqual({ recommendations: recommendations!.n, comments: pending!.n + hidden!.n, hiddenComments: hidden!.n });
    const [open] = await db.select({ n: count() }).from(creditObjections).where(ne(creditObjections.status, 'completed'));
    expect(dashboards.get('credit')!.waiting).toEqual({ openObjections: open!.n });
    const [toReview] = await db.select({ n: count() }).from(issues).where(eq(issues.status, 'pending'));
    const [toVerify] = await db.select({ n: count() }).from(issues).where(eq(issues.status, 'verifying'));
    expect(dashboards.get('ledger')!.waiting).toMatchObject({ toReview: toReview!.n, toVerify: toVerify!.n });
    expect(toReview!.n).toBeGreaterThan(0);
  });

  it("puts every domain's sitemap entries under its own public prefix", () => {
    for (const domain of DOMAINS) {
      const entries = sitemaps.get(domain.key)!;
      expect(entries.length, domain.key).toBeGreaterThan(0);
      expect(entries[0]!.path, `${domain.key} starts with its section`).toBe(domain.publicPrefix);
      const prefixes = publicPrefixesOf(domain);
      for (const entry of entries) expect(prefixes.some((prefix) => entry.path === prefix || entry.path.startsWith(`${prefix}/`)), entry.path).toBe(true);
    }
  });

  it('lists exactly the public sections, channels, batches and articles', async () => {
    const db = handle.db;
    const paths = DOMAINS.flatMap((d) => sitemaps.get(d.key)!.map((e) => e.path));
    const channels = await listChannels(db);
    const articles = await listSitemapArticles(db);
    const batches = await listPublicCreditBatches(db);
    const unitRows = await listUnitsPublic(db);
    expect(unitRows.length).toBeGreaterThanOrEqual(30);
    expect(articles.length).toBeGreaterThanOrEqual(60);
    expect(batches.length).toBeGreaterThan(0);
    expect(paths.sort()).toEqual(
      [
        '/news',
        ...channels.map((c) => `/news/channel/${c.slug}`),
        ...articles.map(newsPath),
        '/good-people',
        '/credit',
        '/credit/red',
        '/credit/black',
        '/credit/batch',
        ...batches.map((b) => `/credit/batch/${b.id}`),
        '/ledger',
        '/units',
        ...unitRows.map((u) => `/units/${u.id}`),
      ].sort(),
    );
    // Nothing unpublished, and entry pages about people are never offered to crawlers.
    const [draft] = await db.select({ id: newsArticles.id, slug: newsArticles.slug }).from(newsArticles).where(ne(newsArticles.status, 'published')).limit(1);
    expect(paths).not.toContain(newsPath(draft!));
    expect(paths.filter((p) => /^\/credit\/\d+$/.test(p))).toEqual([]);
    // Items carry their last change; sections do not.
    const news = sitemaps.get('news')!;
    expect(news.find((e) => e.path === newsPath(articles[0]!))!.lastModified).toBeInstanceOf(Date);
    expect(news[0]!.lastModified).toBeUndefined();
  });
});
