// Rows of stored_files: the PostgreSQL backend of server/storage.ts (keys are checked there).
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { mediaAssets, privateFiles, storedFiles } from '../schema';
import { likeStartsWith } from '@/lib/lookup-text';

export type StoredFileInfo = { key: string; contentType: string; size: number; createdAt: Date };

const infoColumns = { key: storedFiles.key, contentType: storedFiles.contentType, size: storedFiles.size, createdAt: storedFiles.createdAt };

const asBytes = (value: Uint8Array) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength));

/** Writes a file, replacing one under the same key (one statement: readers see the old or the new file). */
export async function putStoredFile(db: Db, file: { key: string; contentType: string; bytes: Uint8Array; createdAt?: Date }): Promise<void> {
  const values = { key: file.key, contentType: file.contentType, bytes: file.bytes, size: file.bytes.byteLength, createdAt: file.createdAt };
  await db
    .insert(storedFiles)
    .values(values)
    .onConflictDoUpdate({ target: storedFiles.key, set: { contentType: values.contentType, bytes: values.bytes, size: values.size, createdAt: file.createdAt ?? sql`now()` } });
}

/** Adds a file unless the key exists (moving a folder into the database). True when it was added. */
export async function insertStoredFileIfMissing(db: Db, file: { key: string; contentType: string; bytes: Uint8Array; createdAt: Date }): Promise<boolean> {
  const added = await db
    .insert(storedFiles)
    .values({ ...file, size: file.bytes.byteLength })
    .onConflictDoNothing({ target: storedFiles.key })
    .returning({ key: storedFiles.key });
  return added.length > 0;
}

/** The whole file, or null. */
export async function readStoredFile(db: Db, key: string): Promise<(StoredFileInfo & { bytes: Uint8Array }) | null> {
  const [row] = await db.select({ ...infoColumns, bytes: storedFiles.bytes }).from(storedFiles).where(eq(storedFiles.key, key));
  return row ? { ...row, bytes: asBytes(row.bytes) } : null;
}

/**
 * A file's details, with its bytes when it is at most `inlineLimit` long: one round trip for the usual
 * image, while a larger file is left for readStoredFileSlice (its bytes never sit in memory at once).
 */
export async function openStoredFile(db: Db, key: string, inlineLimit: number): Promise<(StoredFileInfo & { bytes: Uint8Array | null }) | null> {
  const [row] = await db
    .select({ ...infoColumns, bytes: sql<Uint8Array | null>`case when ${storedFiles.size} <= ${inlineLimit} then ${storedFiles.bytes} end` })
    .from(storedFiles)
    .where(eq(storedFiles.key, key));
  return row ? { ...row, bytes: row.bytes === null ? null : asBytes(row.bytes) } : null;
}

/** `length` bytes from `offset` (0-based), or null when the file is gone. */
export async function readStoredFileSlice(db: Db, key: string, offset: number, length: number): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ chunk: sql<Uint8Array>`substring(${storedFiles.bytes} from ${offset + 1} for ${length})` })
    .from(storedFiles)
    .where(eq(storedFiles.key, key));
  return row ? asBytes(row.chunk) : null;
}

export async function deleteStoredFile(db: Db, key: string): Promise<void> {
  await db.delete(storedFiles).where(eq(storedFiles.key, key));
}

/** Deletes every file whose key starts with `prefix`. */
export async function deleteStoredFilesUnder(db: Db, prefix: string): Promise<void> {
  await db.delete(storedFiles).where(like(storedFiles.key, likeStartsWith(prefix)));
}

/** The files whose key starts with `prefix` (all with ''), in code-point order of their keys. */
export async function listStoredFiles(db: Db, prefix: string): Promise<StoredFileInfo[]> {
  return db
    .select(infoColumns)
    .from(storedFiles)
    .where(prefix ? like(storedFiles.key, likeStartsWith(prefix)) : undefined)
    .orderBy(asc(sql`${storedFiles.key} collate "C"`));
}

/** Deletes a file only if it is the one that was read (same size and time): used when moving files out. */
export async function deleteStoredFileIfUnchanged(db: Db, file: StoredFileInfo): Promise<void> {
  await db.delete(storedFiles).where(and(eq(storedFiles.key, file.key), eq(storedFiles.size, file.size), eq(storedFiles.createdAt, file.createdAt)));
}

/** Of these storage keys, the ones a media row (uploads/) or an attachment row (private/) refers to. */
export async function referencedStorageKeys(db: Db, keys: { media: readonly string[]; private: readonly string[] }): Promise<Set<string>> {
  const found = new Set<string>();
  const CHUNK = 1000;
  for (let i = 0; i < keys.media.length; i += CHUNK) {
    const rows = await db.select({ key: mediaAssets.storageKey }).from(mediaAssets).where(inArray(mediaAssets.storageKey, keys.media.slice(i, i + CHUNK)));
    for (const r of rows) found.add(`uploads/${r.key}`);
  }
  for (let i = 0; i < keys.private.length; i += CHUNK) {
    const rows = await db.select({ key: privateFiles.storageKey }).from(privateFiles).where(inArray(privateFiles.storageKey, keys.private.slice(i, i + CHUNK)));
    for (const r of rows) found.add(`private/${r.key}`);
  }
  return found;
}
