// The media library on both engines, each with its own file store (server/storage.ts): PGlite with the
// DATA_DIR folder, PostgreSQL with the stored_files table. Image processing, the queries, the route and
// the upload/alt/delete actions with their audit entries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { listAuditEntries } from '@/db/queries/audit';
import { deleteMedia } from '@/server/media';
import { findMedia, insertMedia, listMedia, updateMediaAlt } from '@/db/queries/media';
import { insertUser, type AuthUser } from '@/db/queries/users';
import type { ActionState } from '@/server/actions';
import { MAX_UPLOAD_BYTES, MediaUploadError, processUpload, uploadKey } from '@/server/media';
import { fileStore } from '@/server/storage';
import { engine, freshDatabase } from './helpers';
import { actionContext as ctx } from './action-context';

// The actions run outside a request: the signed-in user, the database and cache revalidation are stubbed.
// What DATABASE_URL chooses in production: the table on PostgreSQL, the folder on PGlite.
vi.mock('@/server/storage', async (original) => {
  const actual = await original<typeof import('@/server/storage')>();
  const store = () => (process.env.TEST_DB_ENGINE === 'postgres' ? actual.databaseFileStore(async () => ctx.db as Db) : actual.folderFileStore(process.env.DATA_DIR!));
  return { ...actual, fileStore: store };
});

let handle: DbHandle;
let editor: AuthUser;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-test-'));

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  handle = await freshDatabase();
  ctx.db = handle.db;
  const created = await insertUser(handle.db, { username: 'media-editor', displayName: '图片编辑', role: 'editor', passwordHash: 'x' });
  editor = { ...created, sessionVersion: 0, disabled: false };
  ctx.user = editor;
});

afterAll(async () => {
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2a7ab8' } });
const bytesOf = async (image: Sharp) => new Uint8Array(await image.toBuffer());

async function refusal(promise: Promise<unknown>): Promise<MediaUploadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaUploadError);
  return error as MediaUploadError;
}

/** Every stored upload file, and (folder) any temporary file left beside them. */
async function storedUploads(): Promise<string[]> {
  const keys = (await fileStore().list('uploads/')).map((f) => f.key);
  const temporary = engine === 'pglite' && fs.existsSync(path.join(dataDir, 'uploads')) ? fs.readdirSync(path.join(dataDir, 'uploads'), { recursive: true, encoding: 'utf8' }).filter((name) => /(^|\/)\./.test(name)) : [];
  return [...keys, ...temporary];
}

async function storedFile(storageKey: string, file: string): Promise<Uint8Array> {
  const bytes = await fileStore().get(uploadKey(storageKey, file));
  expect(bytes, `${storageKey}/${file} is stored`).not.toBeNull();
  return bytes!;
}

describe('processUpload', () => {
  it(`stores WebP sizes 320/800/1600 as uploads/<key>/<width>.webp (${engine === 'postgres' ? 'stored_files table' : 'DATA_DIR folder'}), never wider than the original`, async () => {
    const before = await storedUploads();
    const result = await processUpload(await bytesOf(solid(2000, 1200).png()));
    expect(result.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(result).toMatchObject({ format: 'png', width: 2000, height: 1200 });
    expect(result.variants.map((v) => v.width)).toEqual([320, 800, 1600]);
    for (const variant of result.variants) {
      const bytes = await storedFile(result.storageKey, variant.file);
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.width).toBe(variant.width);
      expect(meta.height).toBe(Math.round((variant.width * 1200) / 2000));
      expect(bytes.byteLength).toBe(variant.bytes);
    }
    expect(await storedUploads()).toEqual([...before, ...result.variants.map((v) => uploadKey(result.storageKey, v.file))].sort());
    // On PostgreSQL nothing is written to the local folder: another machine could not see it.
    if (engine === 'postgres') expect(fs.existsSync(path.join(dataDir, 'uploads'))).toBe(false);
  });

  it('keeps a small image at its own width, applies the EXIF rotation and strips the metadata', async () => {
    // 200x100 pixels stored sideways: orientation 6 means "rotate 90° clockwise to view".
    const jpeg = await bytesOf(solid(200, 100).jpeg().withMetadata({ orientation: 6 }));
    const result = await processUpload(jpeg);
    expect(result).toMatchObject({ format: 'jpeg', width: 100, height: 200 });
    expect(result.variants).toEqual([expect.objectContaining({ width: 100, height: 200, file: '100.webp' })]);
    const meta = await sharp(await storedFile(result.storageKey, '100.webp')).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('refuses a script renamed .png, and a file that only starts like a PNG', async () => {
    const before = await storedUploads();
    const script = new TextEncoder().encode('#!/bin/sh\nrm -rf / --no-preserve-root\n');
    expect((await refusal(processUpload(script))).message).toContain('已根据文件内容识别');
    const polyglot = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('<script>alert(1)</script>')]);
    expect((await refusal(processUpload(polyglot))).code).toBe('corrupt');
    expect(await storedUploads()).toEqual(before);
  });

  it('refuses images over 40 megapixels before decoding them', async () => {
    // 9000x5000 = 45 MP of one colour: a valid PNG of ~140 KB (sharp's own limit is lifted to make it).
    const before = await storedUploads();
    const maker = sharp({ create: { width: 9000, height: 5000, channels: 3, background: '#fff' }, limitInputPixels: false });
    const error = await refusal(processUpload(await bytesOf(maker.png())));
    expect(error.code).toBe('dimensions');
    expect(error.message).toBe('图片尺寸过大（不能超过4000万像素），请缩小后再上传');
    expect(await storedUploads()).toEqual(before);
  });

  it('refuses a decompression bomb: a tiny PNG whose header declares 20000x20000 pixels', async () => {
    // Encoding a real 400 MP image takes ~10 s here; a bomb only needs the header to lie, so patch it.
    const before = await storedUploads();
    const png = Buffer.from(await bytesOf(solid(1, 1).png()));
    png.writeUInt32BE(20000, 16);
    png.writeUInt32BE(20000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // IHDR CRC covers type + data
    expect(png.byteLength).toBeLessThan(200);
    expect((await refusal(processUpload(new Uint8Array(png)))).code).toBe('dimensions');
    expect(await storedUploads()).toEqual(before);
  });

  it('refuses files over 10 MB, whatever they contain', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(await bytesOf(solid(10, 10).png()));
    expect((await refusal(processUpload(big))).code).toBe('too_large');
    expect((await refusal(processUpload(await bytesOf(solid(50, 50).png()), { maxBytes: 10 }))).code).toBe('too_large');
  });
});

describe('media queries', () => {
  it('insert, list, rename and delete an asset; deleting removes its files', async () => {
    const processed = await processUpload(await bytesOf(solid(900, 600).webp()));
    const row = await insertMedia(handle.db, { ...processed, originalName: 'square.webp', alt: '江城市文明广场夜景', uploadedBy: editor.id });
    const files = async () => (await fileStore().list(`uploads/${row.storageKey}/`)).length;
    expect(await files()).toBe(3);

    const page = await listMedia(handle.db, 1, 10);
    const listed = page.rows.find((r) => r.id === row.id);
    expect(listed).toMatchObject({ storageKey: processed.storageKey, alt: '江城市文明广场夜景', uploaderName: '图片编辑', width: 900 });
    expect(listed?.variants.map((v) => v.width)).toEqual([320, 800, 900]);
    expect(page.total).toBeGreaterThanOrEqual(1);

    expect(await updateMediaAlt(handle.db, row.id, '广场上的志愿者服务站')).toEqual({ id: row.id, alt: '广场上的志愿者服务站' });
    expect((await findMedia(handle.db, row.id))?.alt).toBe('广场上的志愿者服务站');

    expect((await deleteMedia(handle.db, row.id))?.storageKey).toBe(row.storageKey);
    expect(await findMedia(handle.db, row.id)).toBeNull();
    expect(await files()).toBe(0);
    expect(await deleteMedia(handle.db, row.id)).toBeNull();
  });
});

describe('GET /media/<key>/<file>', () => {
  const get = async (key: string, file: string) => {
    const { GET } = await import('@/app/media/[key]/[file]/route');
    return GET(new Request(`http://localhost/media/${key}/${file}`), { params: Promise.resolve({ key, file }) });
  };

  it('serves a stored size as WebP with year-long immutable caching', async () => {
    const { storageKey, variants } = await processUpload(await bytesOf(solid(400, 300).jpeg()));
    const response = await get(storageKey, variants[0]!.file);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.byteLength).toBe(variants[0]!.bytes);
    expect((await sharp(body).metadata()).format).toBe('webp');
  });

  it('answers 404 to unknown sizes and keys, and to anything shaped like a path', async () => {
    fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'not public');
    const key = 'ab'.repeat(16);
    for (const [k, f] of [[key, '320.webp'], ['..', 'secret.txt'], [`${key}/..`, '320.webp'], [key, '../../secret.txt'], [key, '320.webp.txt'], [key.toUpperCase(), '320.webp']]) {
      expect((await get(k!, f!)).status).toBe(404);
    }
  });
});

describe('media actions', () => {
  async function form(fields: Record<string, string | File>): Promise<FormData> {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  }

  it('refuses a .png that is really a script, keeps the alt text and shows the reason next to the file field', async () => {
    const { uploadMedia } = await import('@/app/(admin)/admin/media/actions');
    const before = await listMedia(handle.db, 1, 100);
    const evil = new File(['#!/bin/sh\necho pwned\n'], 'photo.png', { type: 'image/png' });
    const state: ActionState = await uploadMedia({}, await form({ alt: '社区志愿者合影', file: evil }));
    expect(state.ok).toBeUndefined();
    expect(state.fieldErrors?.file).toBe('只能上传 JPEG、PNG、WebP 或 GIF 图片（已根据文件内容识别，不看扩展名）');
    expect(state.values?.alt).toBe('社区志愿者合影');
    expect((await listMedia(handle.db, 1, 100)).total).toBe(before.total);
  });

  it('requires alt text before anything is stored', async () => {
    const { uploadMedia } = await import('@/app/(admin)/admin/media/actions');
    const gif = new File([await bytesOf(solid(40, 30).gif())], 'a.gif', { type: 'image/gif' });
    const state = await uploadMedia({}, await form({ alt: ' ', file: gif }));
    expect(state.fieldErrors?.alt).toContain('替代文字');
  });

  it('audits every change: upload, alt text, delete', async () => {
    const { deleteMediaAsset, updateMediaAltText, uploadMedia } = await import('@/app/(admin)/admin/media/actions');
    const png = new File([await bytesOf(solid(640, 480).png())], 'C:\\photos\\广场.png', { type: 'image/png' });
    expect(await uploadMedia({}, await form({ alt: '文明广场全景', file: png }))).toMatchObject({ ok: true, storageKey: expect.any(String) });
    const [asset] = (await listMedia(handle.db, 1, 1)).rows;
    expect(asset).toMatchObject({ alt: '文明广场全景', originalName: '广场.png' });

    expect(await updateMediaAltText({}, await form({ id: String(asset!.id), alt: '文明广场全景（航拍）' }))).toEqual({ ok: true });
    const unconfirmed = await deleteMediaAsset({}, await form({ id: String(asset!.id) }));
    expect(unconfirmed.fieldErrors?.confirm).toBe('请先勾选“确认删除”');
    expect(await findMedia(handle.db, asset!.id)).not.toBeNull();
    expect(await deleteMediaAsset({}, await form({ id: String(asset!.id), confirm: 'yes' }))).toEqual({ ok: true });
    expect(await fileStore().list(`uploads/${asset!.storageKey}/`)).toEqual([]);

    const { rows } = await listAuditEntries(handle.db, { entityType: 'media', entityId: String(asset!.id) }, 1, 10);
    expect(rows.map((r) => r.action).reverse()).toEqual(['media.upload', 'media.update_alt', 'media.delete']);
    expect(rows.every((r) => r.actorId === editor.id)).toBe(true);
    expect(rows.find((r) => r.action === 'media.update_alt')).toMatchObject({ before: { alt: '文明广场全景' }, after: { alt: '文明广场全景（航拍）' } });
  });
});
