// db:backup / db:restore carry files. PostgreSQL: stored_files is dumped like any table. PGlite: the
// DATA_DIR folder's files are written as rows of stored_files, and a restore into PGlite moves them back
// into its folder. The dump is the same text either way, so files travel PostgreSQL -> PGlite -> PostgreSQL
// (PostgreSQL project) and PGlite -> PGlite (PGlite project) exactly, and the restored copy serves them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, restoreDump, writeDump, type OutsideFiles } from '@/db/backup';
import type { Db, DbHandle } from '@/db/client';
import { insertMedia } from '@/db/queries/media';
import { listStoredFiles } from '@/db/queries/storage';
import { auditLog } from '@/db/schema';
import { openMediaVariant, uploadKey } from '@/server/media';
import { databaseFileStore, folderFileStore, type FileStore } from '@/server/storage';
import { moveDatabaseIntoFolder } from '@/server/storage-moves';
import { engine, freshDatabase, freshPglite } from './helpers';

const handles: DbHandle[] = [];
const folders: string[] = [];
function newFolder(): FileStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-files-'));
  folders.push(dir);
  return folderFileStore(dir);
}
async function track(handle: Promise<DbHandle>): Promise<DbHandle> {
  handles.push(await handle);
  return handles.at(-1)!;
}
afterAll(async () => {
  for (const handle of handles) await handle.close();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

const storageKey = randomBytes(16).toString('hex');
/** Every byte value (NUL, backslash, quotes, invalid UTF-8), a file big enough to fill a statement on its own, an empty one. */
const FILES: { key: string; contentType: string; bytes: Uint8Array }[] = [
  { key: uploadKey(storageKey, '320.webp'), contentType: 'image/webp', bytes: new Uint8Array([0, 0x5c, 0x27, 0x0a, 0xff, ...Array.from({ length: 256 }, (_, i) => i)]) },
  { key: uploadKey(storageKey, '800.webp'), contentType: 'image/webp', bytes: randomBytes(700_000) },
  { key: `private/${randomBytes(16).toString('hex')}.pdf`, contentType: 'application/pdf', bytes: new TextEncoder().encode("%PDF-1.4\n(it's \\ a \"test\");\n%%EOF") },
  { key: `private/imports/${randomBytes(16).toString('hex')}.bin`, contentType: 'application/octet-stream', bytes: new Uint8Array(0) },
];

async function addFiles(db: Db, store: FileStore): Promise<void> {
  for (const file of FILES) await store.put(file.key, file.bytes, file.contentType);
  await insertMedia(db, { storageKey, originalName: 'a.png', format: 'png', width: 800, height: 600, bytes: 1, alt: '备份中的图片', variants: [320, 800].map((w) => ({ width: w, height: (w * 3) / 4, file: `${w}.webp`, bytes: 1 })), uploadedBy: null });
}

async function dumpText(db: Db, files?: OutsideFiles): Promise<string> {
  const parts: string[] = [];
  await writeDump(db, (text) => void parts.push(text), { now: new Date('2026-01-01T00:00:00Z'), files });
  return parts.join('');
}

/** Every file of a store: key, type, time, size and bytes. */
async function snapshot(store: FileStore) {
  const out = [];
  for (const info of await store.list()) out.push({ ...info, bytes: Buffer.from((await store.get(info.key))!).toString('base64') });
  return out;
}

async function expectServes(store: FileStore): Promise<void> {
  const opened = await openMediaVariant(storageKey, '1600.webp', store); // not made: the 800 size stands in
  expect(opened?.key).toBe(FILES[1]!.key);
  expect(Buffer.from(opened!.body as Uint8Array).equals(Buffer.from(FILES[1]!.bytes))).toBe(true);
}

describe(`files in backups (source on ${engine})`, () => {
  let source: DbHandle;
  let sourceStore: FileStore;
  let sourceDump: string;

  beforeAll(async () => {
    source = await track(freshDatabase());
    // As in production: PostgreSQL keeps files in its table, PGlite in its folder.
    sourceStore = engine === 'postgres' ? databaseFileStore(source.db) : newFolder();
    await addFiles(source.db, sourceStore);
    sourceDump = await dumpText(source.db, engine === 'pglite' ? sourceStore : undefined);
  });

  it('writes every file as a row of stored_files, hex-encoded, one row per line', () => {
    expect(sourceDump).toContain(`-- rows stored_files: ${FILES.length}\n`);
    expect(sourceDump).toContain(`('${FILES[2]!.key}', 'application/pdf', E'\\\\x255044462d`);
    for (const line of sourceDump.split('\n')) expect(line.startsWith('(') || line.startsWith('INSERT INTO') || line.startsWith('SELECT') || line.startsWith('--') || line === '').toBe(true);
  });

  it('restores into PGlite, whose files then live in its folder and are served from there; its dump is the same text', async () => {
    const pglite = await track(freshPglite());
    await restoreDump(pglite.db, linesOf(sourceDump));
    // Straight after the restore the files are rows: the same text comes back out of PGlite's table.
    expect(await dumpText(pglite.db)).toBe(sourceDump);

    const folder = newFolder();
    const moved = await moveDatabaseIntoFolder(pglite.db, folder);
    expect(moved).toEqual({ moved: FILES.length, skipped: [], removed: 0 });
    expect(await listStoredFiles(pglite.db, '')).toEqual([]);
    expect(await snapshot(folder)).toEqual(await snapshot(sourceStore));
    await expectServes(folder);
    // PGlite with its folder dumps exactly what the source dumped: one format for both engines.
    const folderDump = await dumpText(pglite.db, folder);
    expect(folderDump).toBe(sourceDump);

    if (engine === 'postgres') {
      const back = await track(freshDatabase());
      await restoreDump(back.db, linesOf(folderDump));
      const table = databaseFileStore(back.db);
      expect(await snapshot(table)).toEqual(await snapshot(sourceStore));
      await expectServes(table);
      expect(await dumpText(back.db)).toBe(sourceDump);
    }
  });

  it('a forced restore into PGlite replaces the folder\'s files as it replaces the rows', async () => {
    const pglite = await track(freshPglite());
    const folder = newFolder();
    const stray = `uploads/${randomBytes(16).toString('hex')}/320.webp`;
    await folder.put(stray, new Uint8Array([1, 2, 3]), 'image/webp');
    await folder.put(FILES[0]!.key, new Uint8Array([9]), 'image/webp'); // an older copy under a key the dump has
    await pglite.db.insert(auditLog).values({ actorName: 'test', action: 'test.existing', entityType: 'backup' });

    const summary = await restoreDump(pglite.db, linesOf(sourceDump), { force: true });
    expect(summary.wiped).toBe(true);
    const moved = await moveDatabaseIntoFolder(pglite.db, folder, { replace: summary.wiped });
    expect(moved).toMatchObject({ moved: FILES.length, removed: 1, skipped: [] });
    expect(await folder.get(stray)).toBeNull();
    expect(await snapshot(folder)).toEqual(await snapshot(sourceStore));
  });
});
