// Where uploaded and attached files live. One interface, two backends: a folder (DATA_DIR, the default
// with PGlite: one machine) and PostgreSQL's stored_files table (with DATABASE_URL: every instance on
// every machine sees the same files, and db:backup carries them). Keys are relative paths such as
// uploads/<storage key>/800.webp, private/<storage key>.pdf or private/imports/<token>.bin, the same in
// both backends; a key's extension names its content type, so nothing is lost moving between them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir, getDb, type Db } from '@/db/client';
import {
  deleteStoredFile,
  deleteStoredFilesUnder,
  listStoredFiles,
  openStoredFile,
  putStoredFile,
  readStoredFile,
  readStoredFileSlice,
  type StoredFileInfo,
} from '@/db/queries/storage';

export type { StoredFileInfo };

/** A file ready to serve: small files come whole, larger ones as a stream read a slice at a time. */
export type OpenedFile = StoredFileInfo & { body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> };

export interface FileStore {
  readonly kind: 'folder' | 'database';
  /** Writes (or replaces) a file atomically: readers see the whole old file or the whole new one. */
  put(key: string, bytes: Uint8Array, contentType: string, options?: { createdAt?: Date }): Promise<void>;
  /** The whole file, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  open(key: string): Promise<OpenedFile | null>;
  delete(key: string): Promise<void>;
  /** Deletes every file under a folder-like prefix ending in '/', e.g. all sizes of one upload. */
  deleteUnder(prefix: string): Promise<void>;
  /** The files under a prefix ('' for all), in code-point order of their keys (for backups). */
  list(prefix?: string): Promise<StoredFileInfo[]>;
}

/** Files up to this size are read in one go; larger ones are streamed in slices of STREAM_CHUNK. */
export const INLINE_LIMIT = 2 * 1024 * 1024;
const STREAM_CHUNK = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = { webp: 'image/webp', pdf: 'application/pdf', bin: 'application/octet-stream' };
const ROOTS = ['uploads', 'private'] as const;
const SEGMENT = /^[0-9a-z][0-9a-z_-]{0,63}$/;
const FILE_NAME = /^[0-9a-z][0-9a-z_-]{0,63}\.([a-z]+)$/;
const MAX_DEPTH = 4;

/** Whether a key is well formed: a known root, plain lowercase segments, a known extension. No '..', no dot files. */
export function isFileKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length < 2 || parts.length > MAX_DEPTH || !(ROOTS as readonly string[]).includes(parts[0]!)) return false;
  const name = FILE_NAME.exec(parts.at(-1)!);
  return Boolean(name && name[1]! in CONTENT_TYPES) && parts.slice(1, -1).every((p) => SEGMENT.test(p));
}

function isPrefix(prefix: string): boolean {
  if (prefix === '') return true;
  const parts = prefix.split('/');
  return parts.length >= 2 && parts.length <= MAX_DEPTH && parts.at(-1) === '' && (ROOTS as readonly string[]).includes(parts[0]!) && parts.slice(1, -1).every((p) => SEGMENT.test(p));
}

export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

function checkKey(key: string): void {
  if (!isFileKey(key)) throw new Error(`not a stored file key: ${JSON.stringify(key).slice(0, 100)}`);
}

function checkPrefix(prefix: string, allowAll = true): void {
  if (!isPrefix(prefix) || (!allowAll && prefix === '')) throw new Error(`not a stored file prefix: ${JSON.stringify(prefix).slice(0, 100)}`);
}

function checkPut(key: string, contentType: string): void {
  checkKey(key);
  if (contentType !== contentTypeOf(key)) throw new Error(`content type ${contentType} does not match the key ${key} (${contentTypeOf(key)})`);
}

// Node's Buffers are never backed by a SharedArrayBuffer; Response wants the narrower type.
const plain = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

/** A stream of `size` bytes read `STREAM_CHUNK` at a time; `close` runs once at the end, on error or on cancel. */
function sliceStream(size: number, read: (offset: number, length: number) => Promise<Uint8Array | null>, close: () => Promise<void> = async () => undefined): ReadableStream<Uint8Array> {
  let offset = 0;
  let closed = false;
  const finish = async () => {
    if (closed) return;
    closed = true;
    await close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await read(offset, Math.min(STREAM_CHUNK, size - offset));
        if (!chunk || chunk.byteLength === 0) throw new Error('stored file changed or vanished while it was being read');
        offset += chunk.byteLength;
        controller.enqueue(chunk);
        if (offset >= size) {
          await finish();
          controller.close();
        }
      } catch (error) {
        await finish().catch(() => undefined);
        controller.error(error);
      }
    },
    cancel: finish,
  });
}

const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');

// ---------------------------------------------------------------------------------------------- folder

/** Files under `root` (DATA_DIR): uploads/ and private/ as before this interface existed. */
export function folderFileStore(root: string): FileStore {
  const pathOf = (key: string) => path.join(/*turbopackIgnore: true*/ root, ...key.split('/'));
  // Rounded: utimes() stores a millisecond time as seconds in floating point (…089 comes back as …088.99).
  const infoOf = (key: string, stat: { size: number; mtimeMs: number }): StoredFileInfo => ({ key, contentType: contentTypeOf(key), size: stat.size, createdAt: new Date(Math.round(stat.mtimeMs)) });

  async function walk(folder: string, keyPrefix: string, out: StoredFileInfo[]): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const key = keyPrefix + entry.name;
      // Temporary files (.name.tmp) and anything not shaped like a key (old staging folders) are skipped.
      if (entry.isDirectory() && SEGMENT.test(entry.name)) await walk(path.join(folder, entry.name), `${key}/`, out);
      else if (entry.isFile() && isFileKey(key)) {
        const stat = await fs.stat(path.join(folder, entry.name)).catch(() => null);
        if (stat) out.push(infoOf(key, stat));
      }
    }
  }

  return {
    kind: 'folder',
    async put(key, bytes, contentType, options = {}) {
      checkPut(key, contentType);
      const file = pathOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written beside the target and renamed over it: a crash never leaves half a file under a real key.
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await fs.open(tmp, 'wx', key.startsWith('private/') ? 0o600 : 0o644);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        if (options.createdAt) await fs.utimes(tmp, options.createdAt, options.createdAt);
        await fs.rename(tmp, file);
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },
    async get(key) {
      checkKey(key);
      try {
        return new Uint8Array(await fs.readFile(pathOf(key)));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async open(key) {
      checkKey(key);
      let handle;
      try {
        handle = await fs.open(pathOf(key), 'r');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) {
          await handle.close();
          return null;
        }
        const info = infoOf(key, stat);
        if (stat.size <= INLINE_LIMIT) {
          const bytes = await handle.readFile();
          await handle.close();
          return { ...info, size: bytes.byteLength, body: plain(bytes) };
        }
        // The open handle keeps the file readable even if it is deleted while being sent.
        const open = handle;
        const body = sliceStream(
          stat.size,
          async (offset, length) => {
            const chunk = Buffer.alloc(length);
            const { bytesRead } = await open.read(chunk, 0, length, offset);
            return chunk.subarray(0, bytesRead);
          },
          () => open.close(),
        );
        return { ...info, body };
      } catch (error) {
        await handle.close().catch(() => undefined);
        throw error;
      }
    },
    async delete(key) {
      checkKey(key);
      await fs.rm(pathOf(key), { force: true });
    },
    async deleteUnder(prefix) {
      checkPrefix(prefix, false);
      await fs.rm(pathOf(prefix.slice(0, -1)), { recursive: true, force: true });
    },
    async list(prefix = '') {
      checkPrefix(prefix);
      const out: StoredFileInfo[] = [];
      if (prefix === '') for (const name of ROOTS) await walk(path.join(root, name), `${name}/`, out);
      else await walk(pathOf(prefix.slice(0, -1)), prefix, out);
      // Keys are ASCII: JavaScript's order is the code-point order PostgreSQL's list uses.
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}

// -------------------------------------------------------------------------------------------- database

/** Files in PostgreSQL's stored_files table (or PGlite's, for tests and restores). */
export function databaseFileStore(database: Db | (() => Promise<Db>)): FileStore {
  const db = typeof database === 'function' ? database : async () => database;
  return {
    kind: 'database',
    async put(key, bytes, contentType, options = {}) {
      checkPut(key, contentType);
      await putStoredFile(await db(), { key, contentType, bytes, createdAt: options.createdAt });
    },
    async get(key) {
      checkKey(key);
      return (await readStoredFile(await db(), key))?.bytes ?? null;
    },
    async open(key) {
      checkKey(key);
      const handle = await db();
      const found = await openStoredFile(handle, key, INLINE_LIMIT);
      if (!found) return null;
      const { bytes, ...info } = found;
      if (bytes) return { ...info, body: plain(bytes) };
      return { ...info, body: sliceStream(info.size, (offset, length) => readStoredFileSlice(handle, key, offset, length)) };
    },
    async delete(key) {
      checkKey(key);
      await deleteStoredFile(await db(), key);
    },
    async deleteUnder(prefix) {
      checkPrefix(prefix, false);
      await deleteStoredFilesUnder(await db(), prefix);
    },
    async list(prefix = '') {
      checkPrefix(prefix);
      return listStoredFiles(await db(), prefix);
    },
  };
}

/** The store of this process: PostgreSQL's table when DATABASE_URL is set, else the DATA_DIR folder. */
export function fileStore(): FileStore {
  return process.env.DATABASE_URL ? databaseFileStore(getDb) : folderFileStore(dataDir());
}
