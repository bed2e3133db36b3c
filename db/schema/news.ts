import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { contentStatus, createdAt, updatedAt } from './common';
import type { ArticleSnapshot } from '../../lib/article-input';

export const newsChannels = pgTable('news_channels', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const newsArticles = pgTable(
  'news_articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug'),
    channelId: integer('channel_id')
      .notNull()
      .references(() => newsChannels.id),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    coverImage: text('cover_image'),
    coverAlt: text('cover_alt'),
    source: text('source').notNull().default(''),
    author: text('author').notNull().default(''),
    editorName: text('editor_name').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: contentStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    pinned: boolean('pinned').notNull().default(false),
    viewCount: integer('view_count').notNull().default(0),
    // Optimistic concurrency: a save must name the version it was edited from.
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Site search (functions in migration 0005): title, summary and the body's plain text, one line each,
    // joined by newlines; and the bigrams of the same text, for two-character words.
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`search_line(title) || chr(10) || search_line(summary) || chr(10) || search_plain_text(body)`),
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`cjk_bigrams(title || ' ' || summary || ' ' || search_plain_text(body))`),
  },
  (t) => [
    uniqueIndex('news_articles_slug_idx').on(t.slug),
    index('news_articles_public_idx').on(t.status, t.publishedAt),
    index('news_articles_channel_idx').on(t.channelId, t.status, t.publishedAt),
    index('news_articles_tags_idx').using('gin', t.tags),
    // The admin list: newest first, filtered by author, searched by a fragment of the title.
    index('news_articles_updated_idx').on(t.updatedAt),
    index('news_articles_created_by_idx').on(t.createdBy),
    index('news_articles_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('news_articles_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('news_articles_search_bigrams_idx').using('gin', t.searchBigrams),
    // Site search ranks title matches first: two-character words in titles by the titles' own bigrams
    // (longer words by the title trigram index above), so a rare title match is never found by a walk.
    index('news_articles_title_bigrams_idx').using('gin', sql`cjk_bigrams(${t.title})`),
  ],
);

export type { ArticleSnapshot };

/** Every saved version of an article, for the history, the diff view and restore. */
export const newsRevisions = pgTable(
  'news_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => newsArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<ArticleSnapshot>().notNull(),
    savedBy: integer('saved_by').references(() => users.id),
    savedByName: text('saved_by_name').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('news_revisions_version_idx').on(t.articleId, t.version)],
);

/** An editor's unsaved work, kept apart from the article so it never overwrites what is saved or live. */
export const newsAutosaves = pgTable(
  'news_autosaves',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => newsArticles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    baseVersion: integer('base_version').notNull(),
    snapshot: jsonb('snapshot').$type<ArticleSnapshot>().notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

/** Views per article and city day, for 最火资讯 (most viewed in 30 days); written in batches. */
export const newsDailyViews = pgTable(
  'news_daily_views',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => newsArticles.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.day] }), index('news_daily_views_day_idx').on(t.day)],
);
