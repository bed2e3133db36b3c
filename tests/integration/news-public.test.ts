// The citizens' side of 文明动态 on both engines: neighbours, related and most viewed articles, tags,
// feeds, the sitemap list and the batched view counter.
import { and, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  addArticleViews,
  countPublicNews,
  findAdjacentArticles,
  findChannelBySlug,
  findPublicArticle,
  listFeedItems,
  listMostViewedNews,
  listPublicNews,
  listPublicNewsByTag,
  listRelatedArticles,
  listSitemapArticles,
} from '@/db/queries/news';
import { newsArticles, newsChannels, newsDailyViews } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { addDays, cityDay } from '@/lib/dates';
import { flushViews, pendingViews, recordView } from '@/server/view-counter';
import { engine, freshDatabase } from './helpers';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe(`public news pages' data on ${engine}`, () => {
  let handle: DbHandle;
  // The demo data is dated relative to `today`; the public filter compares with the real clock, so
  // `today` is the real city day (the same seed gives the same articles on any day).
  const today = cityDay();
  let hiddenIds: number[];
  let publicCount: number;

  const db = () => handle.db;
  const article = async (id: number) => {
    const [row] = await db().select({ id: newsArticles.id, channelId: newsArticles.channelId, tags: newsArticles.tags, viewCount: newsArticles.viewCount }).from(newsArticles).where(eq(newsArticles.id, id));
    return row!;
  };
  const dailyViews = (id: number) => db().select({ day: newsDailyViews.day, views: newsDailyViews.views }).from(newsDailyViews).where(eq(newsDailyViews.articleId, id));

  beforeAll(async () => {
    handle = await freshDatabase();
    await seedDemo(handle.db, { today });
    const hidden = await db().select({ id: newsArticles.id }).from(newsArticles).where(or(ne(newsArticles.status, 'published'), gt(newsArticles.publishedAt, new Date())));
    hiddenIds = hidden.map((row) => row.id);
    publicCount = await countPublicNews(db());
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('links each article to its older and newer neighbour in the same channel', async () => {
    const channel = (await findChannelBySlug(db(), 'zhiyuan'))!;
    const { items } = await listPublicNews(db(), { channelId: channel.id, page: 1, pageSize: 100 });
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < items.length; i++) {
      const { prev, next } = await findAdjacentArticles(db(), { id: items[i]!.id, channelId: channel.id });
      expect(prev?.id ?? null).toBe(items[i + 1]?.id ?? null);
      expect(next?.id ?? null).toBe(items[i - 1]?.id ?? null);
    }
  });

  it('never offers a scheduled article as the next one', async () => {
    const [scheduled] = await db().select({ id: newsArticles.id, channelId: newsArticles.channelId }).from(newsArticles).where(and(eq(newsArticles.status, 'published'), gt(newsArticles.publishedAt, new Date())));
    const { items } = await listPublicNews(db(), { channelId: scheduled!.channelId, page: 1, pageSize: 1 });
    expect((await findAdjacentArticles(db(), { id: items[0]!.id, channelId: scheduled!.channelId })).next).toBeNull();
  });

  it('orders articles published at the same (sub-millisecond) instant by id', async () => {
    const [channel] = await db().insert(newsChannels).values({ slug: 'adjacent-test', name: '测试栏目', sortOrder: 99 }).returning({ id: newsChannels.id });
    // Microseconds that a JavaScript Date cannot hold: the comparison must happen in SQL.
    const instant = sql`date_trunc('second', now()) - interval '2 hours' + interval '123457 microseconds'`;
    const rows = await db()
      .insert(newsArticles)
      .values([
        { channelId: channel!.id, title: '同一时刻甲', status: 'published', publishedAt: instant as unknown as Date },
        { channelId: channel!.id, title: '同一时刻乙', status: 'published', publishedAt: instant as unknown as Date },
        { channelId: channel!.id, title: '稍后发布', status: 'published', publishedAt: sql`now() - interval '1 hour'` as unknown as Date },
      ])
      .returning({ id: newsArticles.id });
    const [a, b, c] = rows.map((row) => row.id) as [number, number, number];
    const around = async (id: number) => {
      const { prev, next } = await findAdjacentArticles(db(), { id, channelId: channel!.id });
      return [prev?.id ?? null, next?.id ?? null];
    };
    expect(await around(a)).toEqual([null, b]);
    expect(await around(b)).toEqual([a, c]);
    expect(await around(c)).toEqual([b, null]);
  });

  it('lists related articles: most shared tags first, then the same channel, never itself or hidden ones', async () => {
    const { items } = await listPublicNews(db(), { page: 1, pageSize: 500 });
    const subject = await article(items.find((item) => item.channelSlug === 'jiceng')!.id);
    expect(subject.tags.length).toBeGreaterThan(0);
    const related = await listRelatedArticles(db(), subject, 5);
    expect(related).toHaveLength(5);
    const details = await Promise.all(related.map((r) => article(r.id)));
    const shared = details.map((d) => d.tags.filter((t) => subject.tags.includes(t)).length);
    expect(shared).toEqual([...shared].sort((x, y) => y - x));
    expect(shared[0]).toBeGreaterThan(0);
    for (const [i, d] of details.entries()) {
      expect(d.id).not.toBe(subject.id);
      expect(hiddenIds).not.toContain(d.id);
      if (shared[i] === 0) expect(d.channelId).toBe(subject.channelId);
    }
    // Untagged: only the same channel.
    const untagged = await listRelatedArticles(db(), { ...subject, tags: [] }, 5);
    expect(untagged.length).toBeGreaterThan(0);
    for (const r of untagged) expect((await article(r.id)).channelId).toBe(subject.channelId);
  });

  it('ranks 最火资讯 by views of the last 30 city days, public articles only', async () => {
    const { items } = await listPublicNews(db(), { page: 1, pageSize: 5 });
    const [x, y, edge, old, outside] = items.map((item) => item.id) as [number, number, number, number, number];
    const scheduled = hiddenIds[hiddenIds.length - 1]!;
    // Start from known numbers: the demo data spreads views over recent days too.
    expect((await listMostViewedNews(db(), { today, days: 30, limit: 8 })).length).toBe(8);
    await db().delete(newsDailyViews);
    await db()
      .insert(newsDailyViews)
      .values([
        { articleId: x, day: addDays(today, -2), views: 50 },
        { articleId: y, day: today, views: 30 },
        { articleId: y, day: addDays(today, -1), views: 30 },
        { articleId: edge, day: addDays(today, -29), views: 10 },
        { articleId: outside, day: addDays(today, -30), views: 10_000 },
        { articleId: old, day: addDays(today, -40), views: 9_000 },
        { articleId: scheduled, day: today, views: 5_000 },
      ]);
    const popular = await listMostViewedNews(db(), { today, days: 30, limit: 8 });
    expect(popular.map((p) => [p.id, p.views])).toEqual([
      [y, 60],
      [x, 50],
      [edge, 10],
    ]);
    expect((await listMostViewedNews(db(), { today, limit: 1 })).map((p) => p.id)).toEqual([y]);
  });

  it('lists a tag page by page, public articles only', async () => {
    const tag = '志愿服务';
    const { items: all } = await listPublicNews(db(), { page: 1, pageSize: 500 });
    const tagged = await db().select({ id: newsArticles.id }).from(newsArticles).where(sql`${newsArticles.tags} @> array[${tag}]::text[]`);
    const expected = all.filter((item) => tagged.some((t) => t.id === item.id)).map((item) => item.id);
    expect(expected.length).toBeGreaterThan(5);
    expect(tagged.some((t) => hiddenIds.includes(t.id))).toBe(true);

    const first = await listPublicNewsByTag(db(), tag, { page: 1, pageSize: 5 });
    const second = await listPublicNewsByTag(db(), tag, { page: 2, pageSize: 5 });
    expect(first.total).toBe(expected.length);
    expect([...first.items, ...second.items].map((item) => item.id)).toEqual(expected.slice(0, 10));
    expect((await listPublicNewsByTag(db(), '没有这个标签', { page: 1, pageSize: 5 })).total).toBe(0);
  });

  it('feeds the newest public articles, never drafts, pending or scheduled ones', async () => {
    const feed = await listFeedItems(db());
    expect(feed).toHaveLength(Math.min(50, publicCount));
    expect(feed.map((item) => item.id)).not.toEqual(expect.arrayContaining([hiddenIds[0]]));
    for (const item of feed) expect(hiddenIds).not.toContain(item.id);
    const times = feed.map((item) => item.publishedAt!.getTime());
    expect(times).toEqual([...times].sort((p, q) => q - p));
    expect(feed[0]).toMatchObject({ title: expect.any(String), summary: expect.any(String), channelName: expect.any(String) });

    const channel = (await findChannelBySlug(db(), 'tongzhi'))!;
    const notices = await listFeedItems(db(), { channelId: channel.id, limit: 3 });
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.length).toBeLessThanOrEqual(3);
    for (const item of notices) expect(item.channelName).toBe(channel.name);
  });

  it('lists every public article for the sitemap with a last-modified time', async () => {
    const entries = await listSitemapArticles(db());
    expect(entries).toHaveLength(await countPublicNews(db()));
    for (const entry of entries) {
      expect(hiddenIds).not.toContain(entry.id);
      expect(entry.lastModified).toBeInstanceOf(Date);
      expect(Number.isNaN(entry.lastModified.getTime())).toBe(false);
    }
  });

  it('returns the channel id with a public article, for its neighbours and related list', async () => {
    const [first] = (await listPublicNews(db(), { page: 1, pageSize: 1 })).items;
    const found = await findPublicArticle(db(), String(first!.id));
    expect(found?.channelId).toBe((await article(first!.id)).channelId);
  });

  it('counts views in batches: deltas added, bots, repeats and non-public ids ignored', async () => {
    const { items } = await listPublicNews(db(), { page: 1, pageSize: 20 });
    const target = items[10]!.id;
    const before = (await article(target)).viewCount;
    const beforeToday = (await dailyViews(target)).find((row) => row.day === cityDay())?.views ?? 0;

    const view = (articleId: number, visitor: string, userAgent = BROWSER) => recordView({ articleId, visitorKeys: [visitor], userAgent });
    expect(view(target, 'vid:reader-1')).toBe('counted');
    expect(view(target, 'vid:reader-1')).toBe('duplicate');
    expect(view(target, 'vid:reader-2')).toBe('counted');
    expect(view(target, 'vid:crawler', 'Mozilla/5.0 (compatible; Baiduspider/2.0)')).toBe('bot');
    // Unknown, draft and scheduled ids are buffered like any other and dropped when written.
    for (const id of [...hiddenIds, 2_000_000_000]) view(id, 'vid:reader-1');
    expect(pendingViews().get(target)).toBe(2);

    expect(await flushViews(db())).toBe(1);
    expect(pendingViews().size).toBe(0);
    expect((await article(target)).viewCount).toBe(before + 2);
    expect((await dailyViews(target)).find((row) => row.day === cityDay())?.views).toBe(beforeToday + 2);
    const hidden = await db().select({ id: newsArticles.id, viewCount: newsArticles.viewCount }).from(newsArticles).where(inArray(newsArticles.id, hiddenIds));
    for (const row of hidden) expect(row.viewCount, `article ${row.id}`).toBe(0);
    const hiddenDaily = await db().select({ id: newsDailyViews.articleId }).from(newsDailyViews).where(and(inArray(newsDailyViews.articleId, hiddenIds), eq(newsDailyViews.day, cityDay())));
    // Only the row inserted directly by the 最火资讯 test, never one written by the counter.
    expect(hiddenDaily.length).toBeLessThanOrEqual(1);
    expect(await flushViews(db())).toBe(0);

    // Other instances write their own batches at the same time: every delta is added.
    await Promise.all([addArticleViews(db(), [[target, 5]], cityDay()), addArticleViews(db(), [[target, 7]], cityDay()), addArticleViews(db(), new Map([[target, 1]]), cityDay())]);
    expect(view(target, 'vid:reader-3')).toBe('counted');
    expect(await flushViews(db())).toBe(1);
    expect((await article(target)).viewCount).toBe(before + 2 + 13 + 1);
    expect((await dailyViews(target)).find((row) => row.day === cityDay())?.views).toBe(beforeToday + 16);
  });
});
