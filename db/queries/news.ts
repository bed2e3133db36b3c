// 文明动态 queries. Public ones go through publicNews(), the one place that defines "visible to citizens",
// and hand their rows out through maskPublicFields / maskPublicRows (personal numbers in old text masked).
import { and, arrayContains, arrayOverlaps, asc, count, desc, eq, gte, lte, ne, or, sql, sum, type SQL } from 'drizzle-orm';
import { addDays, cityDay } from '../../lib/dates';
import type { Db } from '../client';
import { newsArticles, newsChannels, newsDailyViews } from '../schema';
import { isLookupText } from '@/lib/lookup-text';
import { newsPath } from '@/lib/routes';
import { maskPublicFields, maskPublicRows } from '@/lib/pii-detect';
import type { MediaVariant } from '../schema';
import { mediaVariantsOf } from './media';

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
  coverImage: newsArticles.coverImage,
  coverAlt: newsArticles.coverAlt,
  coverVariants: mediaVariantsOf(newsArticles.coverImage),
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
  /** The cover's storage key, its description and WebP sizes (app/_components/media-image.tsx). */
  coverImage: string | null;
  coverAlt: string | null;
  coverVariants: MediaVariant[] | null;
};

/** Pinned articles first, then the newest. */
export async function listHeadlineNews(db: Db, limit: number): Promise<NewsListItem[]> {
  const rows = await db
    .select(listColumns)
    .from(newsArticles)
    .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
    .where(publicNews())
    .orderBy(desc(newsArticles.pinned), desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(limit);
  return maskPublicRows(rows);
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
export { newsPath };

type PageOptions = { page: number; pageSize: number };

/** One page of public articles matching `where`, newest first, with the total count. */
async function pageOfNews(db: Db, where: SQL, options: PageOptions): Promise<{ items: NewsListItem[]; total: number }> {
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
  return { items: maskPublicRows(items), total: total?.n ?? 0 };
}

export async function listPublicNews(db: Db, options: PageOptions & { channelId?: number }) {
  const where = options.channelId ? and(publicNews(), eq(newsArticles.channelId, options.channelId))! : publicNews();
  return pageOfNews(db, where, options);
}

/** Public articles carrying a tag; `tags @> array[tag]` is served by the GIN index on tags. */
export async function listPublicNewsByTag(db: Db, tag: string, options: PageOptions) {
  if (!isLookupText(tag, 40)) return { items: [], total: 0 };
  return pageOfNews(db, and(publicNews(), arrayContains(newsArticles.tags, [tag]))!, options);
}

/** The editable fields of an article (ArticleSnapshot), for the public page, the editor and revisions. */
export const articleSnapshotColumns = {
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
  channelId: newsArticles.channelId,
  slug: newsArticles.slug,
  pinned: newsArticles.pinned,
};

/** An article by slug or numeric id, only when public. */
export async function findPublicArticle(db: Db, slugOrId: string) {
  if (!isLookupText(slugOrId)) return null;
  const byId = /^\d{1,9}$/.test(slugOrId);
  const [article] = await db
    .select({
      id: newsArticles.id,
      ...articleSnapshotColumns,
      publishedAt: newsArticles.publishedAt,
      viewCount: newsArticles.viewCount,
      channelSlug: newsChannels.slug,
      channelName: newsChannels.name,
      coverVariants: mediaVariantsOf(newsArticles.coverImage),
    })
    .from(newsArticles)
    .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
    .where(and(publicNews(), byId ? eq(newsArticles.id, Number(slugOrId)) : eq(newsArticles.slug, slugOrId)))
    .limit(1);
  return article ? maskPublicFields(article, ['body']) : null;
}

export async function findChannelBySlug(db: Db, slug: string) {
  if (!isLookupText(slug, 60)) return null;
  const [channel] = await db
    .select({ id: newsChannels.id, slug: newsChannels.slug, name: newsChannels.name })
    .from(newsChannels)
    .where(eq(newsChannels.slug, slug))
    .limit(1);
  return channel ?? null;
}

/** Enough to link to an article. */
export type NewsLink = { id: number; slug: string | null; title: string; publishedAt: Date | null };

const linkColumns = {
  id: newsArticles.id,
  slug: newsArticles.slug,
  title: newsArticles.title,
  publishedAt: newsArticles.publishedAt,
};

/**
 * The previous (older) and next (newer) public article of the same channel, by published time and id.
 * The position is compared in SQL against the stored row, so sub-millisecond timestamps cannot make
 * an article its own neighbour.
 */
export async function findAdjacentArticles(db: Db, article: { id: number; channelId: number }): Promise<{ prev: NewsLink | null; next: NewsLink | null }> {
  const position = sql`(${newsArticles.publishedAt}, ${newsArticles.id})`;
  const current = sql`(select c.published_at, c.id from ${newsArticles} c where c.id = ${article.id})`;
  const sameChannel = and(publicNews(), eq(newsArticles.channelId, article.channelId));
  const [prev, next] = await Promise.all([
    db
      .select(linkColumns)
      .from(newsArticles)
      .where(and(sameChannel, sql`${position} < ${current}`))
      .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
      .limit(1),
    db
      .select(linkColumns)
      .from(newsArticles)
      .where(and(sameChannel, sql`${position} > ${current}`))
      .orderBy(asc(newsArticles.publishedAt), asc(newsArticles.id))
      .limit(1),
  ]);
  return { prev: prev[0] ? maskPublicFields(prev[0]) : null, next: next[0] ? maskPublicFields(next[0]) : null };
}

/** Articles sharing the most tags first, then others of the same channel; newest first within each. */
export async function listRelatedArticles(db: Db, article: { id: number; channelId: number; tags: string[] }, limit = 5): Promise<NewsLink[]> {
  const tags = [...new Set(article.tags)].slice(0, 10);
  const sameChannel = eq(newsArticles.channelId, article.channelId);
  const newest = [desc(newsArticles.publishedAt), desc(newsArticles.id)];
  if (tags.length === 0) {
    return maskPublicRows(await db.select(linkColumns).from(newsArticles).where(and(publicNews(), ne(newsArticles.id, article.id), sameChannel)).orderBy(...newest).limit(limit));
  }
  const shared = sql.join(
    tags.map((tag) => sql`(${arrayContains(newsArticles.tags, [tag])})::int`),
    sql` + `,
  );
  const rows = await db
    .select(linkColumns)
    .from(newsArticles)
    .where(and(publicNews(), ne(newsArticles.id, article.id), or(arrayOverlaps(newsArticles.tags, tags), sameChannel)))
    .orderBy(sql`${shared} desc`, ...newest)
    .limit(limit);
  return maskPublicRows(rows);
}

/** 最火资讯: public articles by views counted in news_daily_views over the last `days` city days (today included). */
export async function listMostViewedNews(db: Db, options: { days?: number; limit?: number; today?: string } = {}): Promise<(NewsLink & { views: number })[]> {
  const since = addDays(options.today ?? cityDay(), -((options.days ?? 30) - 1));
  const views = sum(newsDailyViews.views).mapWith(Number);
  const rows = await db
    .select({ ...linkColumns, views })
    .from(newsDailyViews)
    .innerJoin(newsArticles, eq(newsArticles.id, newsDailyViews.articleId))
    .where(and(gte(newsDailyViews.day, since), publicNews()))
    .groupBy(newsArticles.id)
    .orderBy(desc(views), desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(options.limit ?? 8);
  return maskPublicRows(rows);
}

export type FeedItem = NewsLink & { summary: string; channelName: string };

/** The newest public articles for RSS, of one channel or all. */
export async function listFeedItems(db: Db, options: { channelId?: number; limit?: number } = {}): Promise<FeedItem[]> {
  const where = options.channelId ? and(publicNews(), eq(newsArticles.channelId, options.channelId)) : publicNews();
  const rows = await db
    .select({ ...linkColumns, summary: newsArticles.summary, channelName: newsChannels.name })
    .from(newsArticles)
    .innerJoin(newsChannels, eq(newsChannels.id, newsArticles.channelId))
    .where(where)
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(options.limit ?? 50);
  return maskPublicRows(rows);
}

/** Every public article's path parts and last change, for sitemap.xml (one file holds at most 50,000 URLs). */
export async function listSitemapArticles(db: Db, limit = 45_000): Promise<{ id: number; slug: string | null; lastModified: Date }[]> {
  return db
    .select({
      id: newsArticles.id,
      slug: newsArticles.slug,
      lastModified: sql`greatest(${newsArticles.updatedAt}, ${newsArticles.publishedAt})`.mapWith(newsArticles.updatedAt),
    })
    .from(newsArticles)
    .where(publicNews())
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(limit);
}

/**
 * Adds buffered view counts in one statement: the article totals and the per-day rows both get the
 * deltas added (never overwritten), so several instances sharing PostgreSQL stay correct. Ids that are
 * unknown or not public change nothing. Returns how many articles were counted.
 */
export async function addArticleViews(db: Db, deltas: Iterable<readonly [number, number]>, day: string): Promise<number> {
  const rows = [...deltas].filter(([id, n]) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647 && Number.isInteger(n) && n > 0);
  if (rows.length === 0) return 0;
  const values = sql.join(
    rows.map(([id, n]) => sql`(${id}::int, ${n}::int)`),
    sql`, `,
  );
  const result = await db.execute<{ article_id: number }>(sql`
    with v(id, n) as (values ${values}),
    counted as (
      update ${newsArticles} set view_count = ${newsArticles.viewCount} + v.n
      from v
      where ${newsArticles.id} = v.id and ${publicNews()}
      returning ${newsArticles.id} as id, v.n as n
    )
    insert into ${newsDailyViews} (article_id, day, views)
    select id, ${day}::date, n from counted
    on conflict (article_id, day) do update set views = ${newsDailyViews.views} + excluded.views
    returning article_id`);
  return result.rows.length;
}
