import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { contentStatus, createdAt, updatedAt } from './common';

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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('news_articles_slug_idx').on(t.slug),
    index('news_articles_public_idx').on(t.status, t.publishedAt),
    index('news_articles_channel_idx').on(t.channelId, t.status, t.publishedAt),
    index('news_articles_tags_idx').using('gin', t.tags),
  ],
);
