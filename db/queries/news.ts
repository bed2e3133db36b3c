// 文明动态 queries. Public ones go through publicNews(), the one place that defines "visible to citizens".
import { and, count, desc, eq, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { newsArticles, newsChannels } from '../schema';

/** Published and due: scheduled articles stay hidden until their time. */
export function publicNews(now: Date = new Date()): SQL {
  return and(eq(newsArticles.status, 'published'), lte(newsArticles.publishedAt, now))!;
}

const listColumns = {
  id: newsArticles.id,
  slug: newsArticles.slug,
  title: newsArticles.title,
  summary: newsArticles.summary,
  publishedAt: newsArticles.publishedAt,
  pinned: newsArticles.pinned,
  channelSlug: newsChannels.slug,
  channelName: newsChannels.name,
};

export type NewsListItem = {
  id: number;
  slug: string | null;
  title: string;
  summary: string;
  publishedAt: Date | null;
  pinned: boolean;
  channelSlug: string;
  channelName: string;
};

/** Pinned articles first, then the newest. */
export async function listHeadlineNews(db: Db, limit: number): Promise<NewsListItem[]> {
  return db
    .select(listColumns)
    .from(newsArticles)
    .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
    .where(publicNews())
    .orderBy(desc(newsArticles.pinned), desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(limit);
}

export async function listChannels(db: Db) {
  return db
    .select({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name })
    .from(newsChannels)
    .orderBy(newsChannels.sortOrder, newsChannels.id);
}

export async function countPublicNews(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(newsArticles).where(publicNews());
  return row?.n ?? 0;
}

/** The public path of an article: its slug when it has one, else its id. */
export function newsPath(article: { id: number; slug: string | null }): string {
  return `/news/${article.slug ?? article.id}`;
}

export async function listPublicNews(db: Db, options: { channelId?: number; page: number; pageSize: number }) {
  const where = options.channelId ? and(publicNews(), eq(newsArticles.channelId, options.channelId)) : publicNews();
  const [items, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(newsArticles)
      .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
      .where(where)
      .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ n: count() }).from(newsArticles).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** An article by slug or numeric id, only when public. */
export async function findPublicArticle(db: Db, slugOrId: string) {
  const byId = /^\d{1,9}$/.test(slugOrId);
  const [article] = await db
    .select({
      id: newsArticles.id,
      slug: newsArticles.slug,
      title: newsArticles.title,
      subtitle: newsArticles.subtitle,
      summary: newsArticles.summary,
      body: newsArticles.body,
      coverImage: newsArticles.coverImage,
      coverAlt: newsArticles.coverAlt,
      source: newsArticles.source,
      author: newsArticles.author,
      editorName: newsArticles.editorName,
      tags: newsArticles.tags,
      publishedAt: newsArticles.publishedAt,
      viewCount: newsArticles.viewCount,
      channelSlug: newsChannels.slug,
      channelName: newsChannels.name,
    })
    .from(newsArticles)
    .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
    .where(and(publicNews(), byId ? eq(newsArticles.id, Number(slugOrId)) : eq(newsArticles.slug, slugOrId)))
    .limit(1);
  return article ?? null;
}

export async function findChannelBySlug(db: Db, slug: string) {
  const [channel] = await db
    .select({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name })
    .from(newsChannels)
    .where(eq(newsChannels.slug, slug))
    .limit(1);
  return channel ?? null;
}
