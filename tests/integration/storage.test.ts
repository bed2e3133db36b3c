// The file store (server/storage.ts) on both engines: the folder backend and the stored_files table on
// PGlite, the table on PostgreSQL. Every backend keeps the same promises: exact bytes, atomic
// replacement, null for a missing key, streaming of large files, no key outside its root; and the moves
// between folder and table (server/storage-moves.ts) lose nothing.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { insertMedia } from '@/db/queries/media';
import { insertPrivateFile } from '@/db/queries/private-files';
import { listStoredFiles, putStoredFile } from '@/db/queries/storage';
import { storedFiles } from '@/db/schema';
import { databaseFileStore, folderFileStore, INLINE_LIMIT, isFileKey, type FileStore, type OpenedFile } from '@/server/storage';
import { moveDatabaseIntoFolder, moveFolderIntoDatabase } from '@/server/storage-moves';
import { engine, freshDatabase } from './helpers';

let handle: DbHandle;
const folders: string[] = [];
const newFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storage-test-'));
  folders.push(dir);
  return dir;
};

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(async () => {
  await handle?.close();
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every byte value, in an order that breaks text encodings (NUL, backslash, quote, invalid UTF-8). */
const AWKWARD = new Uint8Array([0, 0x5c, 0x27, 0x22, 0x0a, 0x0d, 0xff, 0xfe, 0xc3, 0x28, ...Array.from({ length: 256 }, (_, i) => i)]);
const key = (name: string) => `uploads/${randomBytes(16).toString('hex')}/${name}`;

async function bodyBytes(opened: OpenedFile): Promise<{ bytes: Buffer; chunks: number }> {
  if (opened.body instanceof Uint8Array) return { bytes: Buffer.from(opened.body), chunks: 1 };
  const parts: Uint8Array[] = [];
  const reader = opened.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

const backends: [string, () => FileStore][] =
  engine === 'pglite'
    ? [
        ['folder (PGlite default)', () => folderFileStore(newFolder())],
        ['stored_files on PGlite (restores)', () => databaseFileStore(handle.db)],
      ]
    : [['stored_files on PostgreSQL', () => databaseFileStore(async () => handle.db)]];

describe.each(backends)('file store: %s', (_name, makeStore) => {
  let store: FileStore;
  beforeAll(() => {
    store = makeStore();
  });

  it('puts, gets, opens and deletes a file with its exact bytes', async () => {
    const k = key('320.webp');
    await store.put(k, AWKWARD, 'image/webp');
    expect(Buffer.from((await store.get(k))!)).toEqual(Buffer.from(AWKWARD));
    const opened = (await store.open(k))!;
    expect(opened).toMatchObject({ key: k, contentType: 'image/webp', size: AWKWARD.byteLength });
    expect(Math.abs(opened.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await bodyBytes(opened)).bytes).toEqual(Buffer.from(AWKWARD));
    await store.delete(k);
    expect(await store.get(k)).toBeNull();
    expect(await store.open(k)).toBeNull();
  });

  it('answers null for a missing key, and deleting one is no error', async () => {
    const k = key('800.webp');
    expect(await store.get(k)).toBeNull();
    expect(await store.open(k)).toBeNull();
    await store.delete(k);
    await store.deleteUnder(`${path.posix.dirname(k)}/`);
    expect(await store.list(`${path.posix.dirname(k)}/`)).toEqual([]);
  });

  it('replaces a file whole, and an empty file is a file', async () => {
    const k = `private/${randomBytes(16).toString('hex')}.pdf`;
    await store.put(k, new TextEncoder().encode('%PDF-1.4 old'), 'application/pdf');
    await store.put(k, new TextEncoder().encode('%PDF-1.4 new and longer'), 'application/pdf');
    expect(Buffer.from((await store.get(k))!).toString()).toBe('%PDF-1.4 new and longer');
    const empty = `private/imports/${randomBytes(16).toString('hex')}.bin`;
    await store.put(empty, new Uint8Array(0), 'application/octet-stream');
    expect((await store.get(empty))?.byteLength).toBe(0);
    expect((await store.open(empty))?.size).toBe(0);
  });

  it('streams a large file in slices and returns it whole', async () => {
    const big = randomBytes(INLINE_LIMIT + 12345);
    const k = key('1600.webp');
    await store.put(k, big, 'image/webp');
    const opened = (await store.open(k))!;
    expect(opened.size).toBe(big.byteLength);
    expect(opened.body).toBeInstanceOf(ReadableStream);
    const { bytes, chunks } = await bodyBytes(opened);
    expect(chunks).toBeGreaterThan(1);
    expect(bytes.equals(big)).toBe(true);
    expect(Buffer.from((await store.get(k))!).equals(big)).toBe(true);
    await store.delete(k);
  });

  it('lists a folder in key order and deletes one upload folder only', async () => {
    const folder = key('x.webp').replace(/x\.webp$/, '');
    const other = key('x.webp').replace(/x\.webp$/, '');
    for (const name of ['800.webp', '1600.webp', '320.webp']) await store.put(folder + name, new Uint8Array([1, 2, 3]), 'image/webp');
    await store.put(`${other}320.webp`, new Uint8Array([4]), 'image/webp');
    const listed = await store.list(folder);
    expect(listed.map((f) => f.key)).toEqual([`${folder}1600.webp`, `${folder}320.webp`, `${folder}800.webp`]);
    expect(listed.every((f) => f.size === 3 && f.contentType === 'image/webp')).toBe(true);
    expect((await store.list()).map((f) => f.key)).toEqual(expect.arrayContaining([`${folder}320.webp`, `${other}320.webp`]));
    await store.deleteUnder(folder);
    expect(await store.list(folder)).toEqual([]);
    expect(await store.list(other)).toHaveLength(1);
  });

  it('refuses keys outside its roots, odd names, wrong content types and deleting everything', async () => {
    const bad = ['../x.webp', 'uploads/../../etc/passwd.bin', 'uploads/../x.webp', 'uploads/a/.hidden.webp', 'other/x.webp', 'uploads/x.exe', 'uploads/A/x.webp', 'uploads/x.webp/', '/uploads/x.webp', 'uploads//x.webp', 'uploads/a/b/c/d.webp', 'uploads/x\u0000.webp'];
    for (const k of bad) {
      expect(isFileKey(k), k).toBe(false);
      await expect(store.put(k, new Uint8Array([1]), 'image/webp'), k).rejects.toThrow(/not a stored file key/);
      await expect(store.get(k), k).rejects.toThrow(/not a stored file key/);
    }
    await expect(store.put(key('320.webp'), new Uint8Array([1]), 'text/html')).rejects.toThrow(/does not match/);
    await expect(store.deleteUnder('')).rejects.toThrow(/prefix/);
    await expect(store.deleteUnder('uploads/../')).rejects.toThrow(/prefix/);
  });
});

describe('the folder backend on disk', () => {
  it('keeps the layout of DATA_DIR (uploads/, private/), leaves no temporary file and ignores stray ones', async () => {
    const dir = newFolder();
    const store = folderFileStore(dir);
    const k = key('320.webp');
    await store.put(k, AWKWARD, 'image/webp', { createdAt: new Date('2026-03-04T05:06:07.089Z') });
    await store.put('private/imports/abc.bin', new Uint8Array([9]), 'application/octet-stream');
    expect(fs.readFileSync(path.join(dir, ...k.split('/')))).toEqual(Buffer.from(AWKWARD));
    expect(fs.statSync(path.join(dir, 'private', 'imports', 'abc.bin')).mode & 0o777).toBe(0o600);
    expect((await store.open(k))?.createdAt.toISOString()).toBe('2026-03-04T05:06:07.089Z');
    // A crash's leftovers and foreign files are not files of the store.
    fs.writeFileSync(path.join(dir, 'uploads', '.320.webp.1234.tmp'), 'x');
    fs.mkdirSync(path.join(dir, 'uploads', '.tmp-abc'));
    fs.writeFileSync(path.join(dir, 'uploads', '.tmp-abc', '320.webp'), 'x');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'x');
    fs.mkdirSync(path.join(dir, 'pglite'));
    fs.writeFileSync(path.join(dir, 'pglite', 'x.bin'), 'x');
    expect((await store.list()).map((f) => f.key)).toEqual(['private/imports/abc.bin', k]);
    const names = fs.readdirSync(path.join(dir, ...path.posix.dirname(k).split('/')));
    expect(names).toEqual(['320.webp']);
  });
});

describe('moving files between folder and table', () => {
  it('moves the files its rows refer to from a folder into the table (keeping what the table has) and back, with times and bytes intact', async () => {
    const dir = newFolder();
    const folder = folderFileStore(dir);
    const table = databaseFileStore(handle.db);
    const a = key('320.webp');
    const attachment = randomBytes(16).toString('hex');
    const b = `private/${attachment}.pdf`;
    const stranger = key('800.webp');
    const unfinishedImport = `private/imports/${randomBytes(16).toString('hex')}.bin`;
    const at = new Date('2026-05-06T07:08:09.123Z');
    await folder.put(a, AWKWARD, 'image/webp', { createdAt: at });
    await folder.put(b, new TextEncoder().encode('%PDF-1.4 folder'), 'application/pdf', { createdAt: at });
    await folder.put(stranger, new Uint8Array([1]), 'image/webp');
    await folder.put(unfinishedImport, new Uint8Array([2]), 'application/octet-stream');
    await insertMedia(handle.db, { storageKey: a.split('/')[1]!, originalName: 'a.png', format: 'png', width: 320, height: 200, bytes: 1, alt: '测试', variants: [], uploadedBy: null });
    await insertPrivateFile(handle.db, { storageKey: attachment, format: 'pdf', bytes: 15, purpose: 'objection', originalName: 'b.pdf' });
    // The table already has b: its copy wins (keys are random, so the same key is the same file).
    await table.put(b, new TextEncoder().encode('%PDF-1.4 table'), 'application/pdf');

    const into = await moveFolderIntoDatabase(folder, handle.db, dir);
    expect(into.moved).toBe(2);
    // A file no row refers to (another database's, an unfinished import) stays where it is.
    expect(into.skipped).toEqual([unfinishedImport, stranger]);
    expect((await folder.list()).map((f) => f.key)).toEqual([unfinishedImport, stranger]);
    expect(fs.existsSync(path.join(dir, ...path.posix.dirname(a).split('/')))).toBe(false);
    expect(await table.get(stranger)).toBeNull();
    expect(Buffer.from((await table.get(a))!)).toEqual(Buffer.from(AWKWARD));
    expect((await table.open(a))?.createdAt.toISOString()).toBe(at.toISOString());
    expect(Buffer.from((await table.get(b))!).toString()).toBe('%PDF-1.4 table');

    const back = await moveDatabaseIntoFolder(handle.db, folder);
    expect(back.skipped).toEqual([]);
    expect(await listStoredFiles(handle.db, '')).toEqual([]);
    expect(Buffer.from((await folder.get(a))!)).toEqual(Buffer.from(AWKWARD));
    expect((await folder.open(a))?.createdAt.toISOString()).toBe(at.toISOString());
  });

  it('never writes a row whose key is not a file name (a crafted dump) outside the folder', async () => {
    const dir = newFolder();
    for (const bad of ['uploads/../../escaped.webp', '../escaped.bin', 'uploads/x.sh']) await putStoredFile(handle.db, { key: bad, contentType: 'image/webp', bytes: new Uint8Array([1]) });
    const moved = await moveDatabaseIntoFolder(handle.db, folderFileStore(dir));
    expect(moved.moved).toBe(0);
    expect(moved.skipped).toHaveLength(3);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, '..', 'escaped.bin'))).toBe(false);
    expect(fs.existsSync(path.join(os.tmpdir(), 'escaped.webp'))).toBe(false);
    // They stay in the table (and so in the next backup) for someone to look at.
    expect((await listStoredFiles(handle.db, '')).map((f) => f.key).sort()).toEqual(['../escaped.bin', 'uploads/../../escaped.webp', 'uploads/x.sh']);
    await handle.db.delete(storedFiles);
  });
});
