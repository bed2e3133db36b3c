// The media library: uploaded images and their WebP sizes (the files live under DATA_DIR/uploads).
import { count, desc, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { mediaAssets, users, type MediaVariant } from '../schema';

export type MediaInsert = Omit<typeof mediaAssets.$inferInsert, 'id' | 'createdAt'>;

/**
 * The WebP sizes of the upload a row's key column names (a 好人's photo, an article's cover), as a column of
 * the row's own query: pages build `srcset` from them. Null without an image (or for a key with no asset).
 */
export function mediaVariantsOf(keyColumn: Column): SQL<MediaVariant[] | null> {
  return sql<MediaVariant[] | null>`(select ${mediaAssets.variants} from ${mediaAssets} where ${mediaAssets.storageKey} = ${keyColumn})`;
}

const listColumns = {
  id: mediaAssets.id,
  storageKey: mediaAssets.storageKey,
  originalName: mediaAssets.originalName,
  alt: mediaAssets.alt,
  width: mediaAssets.width,
  height: mediaAssets.height,
  bytes: mediaAssets.bytes,
  variants: mediaAssets.variants,
  createdAt: mediaAssets.createdAt,
};

export type MediaListItem = Awaited<ReturnType<typeof listMedia>>['rows'][number];

export async function insertMedia(db: Db, values: MediaInsert) {
  const [row] = await db.insert(mediaAssets).values(values).returning();
  return row!;
}

/** A page of the library, newest first, with the uploader's display name. */
export async function listMedia(db: Db, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...listColumns, uploaderName: users.displayName })
      .from(mediaAssets)
      .leftJoin(users, eq(users.id, mediaAssets.uploadedBy))
      .orderBy(desc(mediaAssets.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mediaAssets),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findMedia(db: Db, id: number) {
  const [row] = await db.select().from(mediaAssets).where(eq(mediaAssets.id, id)).limit(1);
  return row ?? null;
}

/** For forms that store only the storage key (news cover images and the like). */
export async function findMediaByKey(db: Db, storageKey: string) {
  const [row] = await db
    .select({ id: mediaAssets.id, storageKey: mediaAssets.storageKey, alt: mediaAssets.alt, variants: mediaAssets.variants })
    .from(mediaAssets)
    .where(eq(mediaAssets.storageKey, storageKey))
    .limit(1);
  return row ?? null;
}

export async function updateMediaAlt(db: Db, id: number, alt: string) {
  const [row] = await db.update(mediaAssets).set({ alt }).where(eq(mediaAssets.id, id)).returning({ id: mediaAssets.id, alt: mediaAssets.alt });
  return row ?? null;
}

/** Deletes only the row (for callers that audit inside the same transaction, then remove the files). */
export async function deleteMediaRow(db: Db, id: number) {
  const [row] = await db
    .delete(mediaAssets)
    .where(eq(mediaAssets.id, id))
    .returning({ id: mediaAssets.id, storageKey: mediaAssets.storageKey, originalName: mediaAssets.originalName, alt: mediaAssets.alt });
  return row ?? null;
}

