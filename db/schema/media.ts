import { integer, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt } from './common';

import type { MediaVariant } from '../../lib/stored-files';
export type { MediaVariant };

/** Uploaded images: WebP sizes made by sharp, kept in the file store (server/storage.ts) as uploads/<key>/<width>.webp. */
export const mediaAssets = pgTable('media_assets', {
  id: serial('id').primaryKey(),
  // Random key (uploads/<key>/ in the file store); never derived from the user's file name.
  storageKey: text('storage_key').notNull().unique(),
  originalName: text('original_name').notNull(),
  // The format sniffed from the bytes (jpeg, png, webp, gif), not the name or the browser's claim.
  format: text('format').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  alt: text('alt').notNull(),
  variants: jsonb('variants').$type<MediaVariant[]>().notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  createdAt: createdAt(),
});
