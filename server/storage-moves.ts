// Moving stored files between the two backends of server/storage.ts, so each engine keeps its files
// in one place: with PostgreSQL every file is in stored_files; with PGlite every file is in the folder.
// - A portal that used PostgreSQL before files moved into it has them in each machine's DATA_DIR:
//   every instance moves its own into the table when it starts (npm start, scripts/prepare-db.ts). Only
//   files the database's rows refer to are moved: a folder that belongs to another database (a PGlite
//   install pointed at a new PostgreSQL, a developer's data/) is left alone, as are unfinished imports.
// - A dump restored into PGlite puts its files into PGlite's stored_files table: db:restore (and, if it
//   was interrupted, the next start) writes them into the folder and empties the table.
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir, type Db, type DbHandle } from '@/db/client';
import { deleteStoredFileIfUnchanged, insertStoredFileIfMissing, listStoredFiles, readStoredFile, referencedStorageKeys } from '@/db/queries/storage';
import { folderFileStore, isFileKey, type FileStore } from './storage';

export type MoveSummary = { moved: number; skipped: string[]; removed: number };

/** uploads/<key>/... or private/<key>.<format>: the storage key and its kind, or null (imports, odd names). */
function ownerOf(fileKey: string): { kind: 'media' | 'private'; key: string } | null {
  const upload = /^uploads\/([0-9a-f]{32})\//.exec(fileKey);
  if (upload) return { kind: 'media', key: upload[1]! };
  const attachment = /^private\/([0-9a-f]{32})\.(webp|pdf)$/.exec(fileKey);
  return attachment ? { kind: 'private', key: attachment[1]! } : null;
}

/**
 * Copies the folder's files that the database's rows refer to into the table (keeping a file the table
 * already has), deleting each copied one. Other files stay, listed in `skipped`.
 */
export async function moveFolderIntoDatabase(folder: FileStore, db: Db, root?: string): Promise<MoveSummary> {
  const summary: MoveSummary = { moved: 0, skipped: [], removed: 0 };
  const files = await folder.list();
  const owners = files.map((f) => ownerOf(f.key));
  const referenced = await referencedStorageKeys(db, {
    media: [...new Set(owners.filter((o) => o?.kind === 'media').map((o) => o!.key))],
    private: [...new Set(owners.filter((o) => o?.kind === 'private').map((o) => o!.key))],
  });
  for (const [i, info] of files.entries()) {
    const owner = owners[i];
    if (!owner || !referenced.has(`${owner.kind === 'media' ? 'uploads' : 'private'}/${owner.key}`)) {
      summary.skipped.push(info.key);
      continue;
    }
    const bytes = await folder.get(info.key);
    if (!bytes) continue; // moved meanwhile by another instance sharing the folder
    await insertStoredFileIfMissing(db, { key: info.key, contentType: info.contentType, bytes, createdAt: info.createdAt });
    await folder.delete(info.key);
    summary.moved += 1;
  }
  if (root && summary.moved > 0) for (const name of ['uploads', 'private']) await removeEmptyFolders(path.join(root, name));
  return summary;
}

/**
 * Writes the table's files into the folder (with their creation time as modification time) and deletes
 * each row once its file is written. `replace` (a restore with --force) first deletes the folder's files
 * that the table does not have, as the restore deleted every other row. Rows whose key could not be a
 * file name stay in the table, listed in `skipped`.
 */
export async function moveDatabaseIntoFolder(db: Db, folder: FileStore, options: { replace?: boolean } = {}): Promise<MoveSummary> {
  const rows = await listStoredFiles(db, '');
  const summary: MoveSummary = { moved: 0, skipped: [], removed: 0 };
  if (options.replace) {
    const keep = new Set(rows.map((r) => r.key));
    for (const info of await folder.list()) {
      if (keep.has(info.key)) continue;
      await folder.delete(info.key);
      summary.removed += 1;
    }
  }
  for (const info of rows) {
    const row = isFileKey(info.key) ? await readStoredFile(db, info.key) : null;
    try {
      if (!row) throw new Error('not a file key');
      await folder.put(row.key, row.bytes, row.contentType, { createdAt: row.createdAt });
    } catch (error) {
      summary.skipped.push(`${info.key.slice(0, 100)} (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    await deleteStoredFileIfUnchanged(db, info);
    summary.moved += 1;
  }
  return summary;
}

/** Best effort: removes folders left empty under `dir` (the per-upload folders after a move). */
async function removeEmptyFolders(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyFolders(path.join(dir, entry.name));
  await fs.rmdir(dir).catch(() => undefined);
}

/** At start: puts every file where this engine keeps them. Returns a line for the log, or null when nothing moved. */
export async function settleStoredFiles(handle: DbHandle, root = dataDir()): Promise<string | null> {
  const folder = folderFileStore(root);
  if (handle.engine === 'postgres') {
    const { moved, skipped } = await moveFolderIntoDatabase(folder, handle.db, root);
    const left = skipped.length > 0 ? ` ${skipped.length} files there belong to no row of this database and were left in place.` : '';
    return moved > 0 || left ? `Moved ${moved} files from ${root} into PostgreSQL (stored_files).${left}` : null;
  }
  const { moved, skipped } = await moveDatabaseIntoFolder(handle.db, folder);
  for (const line of skipped) console.warn(`stored file left in the database: ${line}`);
  return moved > 0 ? `Moved ${moved} restored files from the database into ${root}.` : null;
}
