// The media route's stand-in sizes: a width that was not made (small images only have their own width)
// is answered with the largest stored size narrower than it, else the smallest one. On each engine's
// file store: the DATA_DIR folder (PGlite), the stored_files table (PostgreSQL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { processUpload } from '@/server/media';
import { fileStore } from '@/server/storage';
import { freshDatabase } from './helpers';

const ctx = vi.hoisted(() => ({ handle: null as DbHandle | null }));
vi.mock('@/server/storage', async (original) => {
  const actual = await original<typeof import('@/server/storage')>();
  const store = () => (process.env.TEST_DB_ENGINE === 'postgres' ? actual.databaseFileStore(ctx.handle!.db) : actual.folderFileStore(process.env.DATA_DIR!));
  return { ...actual, fileStore: store };
});

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-variants-'));
const previousDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  ctx.handle = await freshDatabase();
});
afterAll(async () => {
  await ctx.handle?.close();
  process.env.DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function upload(width: number, height: number): Promise<string> {
  const png = await sharp({ create: { width, height, channels: 3, background: '#2a7ab8' } }).png().toBuffer();
  return (await processUpload(new Uint8Array(png))).storageKey;
}

async function get(key: string, file: string): Promise<Response> {
  const { GET } = await import('@/app/media/[key]/[file]/route');
  return GET(new Request(`http://localhost/media/${key}/${file}`), { params: Promise.resolve({ key, file }) });
}

async function servedWidth(response: Response): Promise<number | undefined> {
  return (await sharp(new Uint8Array(await response.arrayBuffer())).metadata()).width;
}

describe('GET /media/<key>/<width>.webp for a width that was not made', () => {
  it('serves a small image at its own width, with the usual headers', async () => {
    const key = await upload(200, 120);
    expect((await fileStore().list(`uploads/${key}/`)).map((f) => f.key)).toEqual([`uploads/${key}/200.webp`]);
    for (const file of ['800.webp', '320.webp', '1600.webp', '100.webp']) {
      const response = await get(key, file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
      expect(await servedWidth(response)).toBe(200);
    }
  });

  it('serves the largest stored size narrower than the request', async () => {
    const key = await upload(1000, 500); // stored: 320, 800, 1000
    expect(await servedWidth(await get(key, '1600.webp'))).toBe(1000);
    expect(await servedWidth(await get(key, '900.webp'))).toBe(800);
    expect(await servedWidth(await get(key, '800.webp'))).toBe(800);
    expect(await servedWidth(await get(key, '500.webp'))).toBe(320);
    expect(await servedWidth(await get(key, '100.webp'))).toBe(320);
  });

  it('still answers 404 for unknown keys and malformed names', async () => {
    const key = await upload(50, 50);
    expect((await get('cd'.repeat(16), '800.webp')).status).toBe(404);
    expect((await get(key, '800.png')).status).toBe(404);
    expect((await get(key, '../800.webp')).status).toBe(404);
  });
});
