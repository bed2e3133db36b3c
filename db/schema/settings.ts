import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { updatedAt } from './common';

/** Site-wide settings as key/value; the shape of each value is checked by zod in db/queries/settings.ts. */
export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Versions of public-content cache tags (server/cache/invalidate.ts). Every change bumps its tag here, so that
 * each instance sharing the database drops cached pages and data of that tag (LISTEN/NOTIFY carries
 * the change at once; instances also re-read this table periodically as a fallback).
 */
export const cacheTags = pgTable('cache_tags', {
  tag: text('tag').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
