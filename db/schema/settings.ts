import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { updatedAt } from './common';

/** Site-wide settings as key/value; the shape of each value is checked by zod in db/queries/settings.ts. */
export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
