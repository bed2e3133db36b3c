// Turns uploaded bytes into WebP sizes kept in the file store (server/storage.ts) under
// uploads/<storage key>/<width>.webp, and finds them again for the media route. Server only (sharp).
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Db } from '@/db/client';
import { deleteMediaRow } from '@/db/queries/media';
import type { MediaVariant } from '@/db/schema/media';
import { isStorageKey, sniffImageFormat, VARIANT_FILE_PATTERN, VARIANT_WIDTHS, type ImageFormat } from '@/lib/media-url';
import { fileStore, type FileStore, type OpenedFile } from './storage';

export { mediaUrl, sniffImageFormat } from '@/lib/media-url';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Larger images are refused before decoding: a small PNG can declare gigapixels (decompression bomb). */
export const MAX_INPUT_PIXELS = 40_000_000;
// Files are named by width and the route accepts 2-4 digits; a narrower image is of no use anyway.
const MIN_WIDTH = 10;
const WEBP_QUALITY = 80;

export type UploadErrorCode = 'format' | 'too_large' | 'dimensions' | 'too_small' | 'corrupt';

const MESSAGES: Record<UploadErrorCode, string> = {
  format: '只能上传 JPEG、PNG、WebP 或 GIF 图片（已根据文件内容识别，不看扩展名）',
  too_large: '图片不能超过10MB，请压缩后再上传',
  dimensions: '图片尺寸过大（不能超过4000万像素），请缩小后再上传',
  too_small: '图片太小（宽度至少10像素）',
  corrupt: '无法读取该图片，文件可能已损坏',
};

/** A refused upload; `message` is Chinese and meant for the person who uploaded. */
export class MediaUploadError extends Error {
  readonly code: UploadErrorCode;
  constructor(code: UploadErrorCode) {
    super(MESSAGES[code]);
    this.name = 'MediaUploadError';
    this.code = code;
  }
}

export type ProcessedUpload = {
  storageKey: string;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  variants: MediaVariant[];
};

/** The store key of one size of an upload. */
export function uploadKey(storageKey: string, file: string): string {
  if (!isStorageKey(storageKey) || !VARIANT_FILE_PATTERN.test(file)) throw new Error(`not an upload file: ${storageKey}/${file}`);
  return `uploads/${storageKey}/${file}`;
}

const uploadFolder = (storageKey: string) => `uploads/${storageKey}/`;

/** The widths to make: every standard width below the original, plus the original if it is smaller than the largest. */
export function variantWidths(originalWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w < originalWidth);
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  if (originalWidth <= largest) widths.push(originalWidth);
  return widths;
}

function decoder(bytes: Uint8Array) {
  // failOn 'error': a truncated or malformed file is refused rather than half-decoded.
  // autoOrient applies the EXIF rotation; the output carries no metadata (sharp's default), so
  // camera location and device data never reach the public site.
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true });
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

async function readDimensions(bytes: Uint8Array, format: ImageFormat): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await decoder(bytes).metadata();
  } catch (error) {
    throw new MediaUploadError(isPixelLimitError(error) ? 'dimensions' : 'corrupt');
  }
  // A file whose header says PNG but which libvips reads as something else is not what it claims.
  if (meta.format !== format || !meta.width || !meta.height) throw new MediaUploadError('corrupt');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new MediaUploadError('dimensions');
  // EXIF orientation can swap the sides: store what people will see.
  const { width, height } = meta.autoOrient;
  if (width < MIN_WIDTH) throw new MediaUploadError('too_small');
  return { width, height };
}

/**
 * Checks an upload and stores its WebP sizes as uploads/<storageKey>/<width>.webp. Each file is written
 * atomically under a new random key, and a failure removes the ones already written; the media row that
 * makes an upload visible is saved only afterwards. Only re-encoded pixels are stored: the uploaded
 * bytes themselves are never served.
 */
export async function processUpload(input: Uint8Array, options: { maxBytes?: number; store?: FileStore } = {}): Promise<ProcessedUpload> {
  const bytes = input.byteLength;
  if (bytes > (options.maxBytes ?? MAX_UPLOAD_BYTES)) throw new MediaUploadError('too_large');
  const format = sniffImageFormat(input);
  if (!format) throw new MediaUploadError('format');
  const { width, height } = await readDimensions(input, format);

  const store = options.store ?? fileStore();
  const storageKey = randomBytes(16).toString('hex');
  try {
    const variants: MediaVariant[] = [];
    for (const w of variantWidths(width)) {
      const file = `${w}.webp`;
      const { data, info } = await decoder(input)
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true });
      await store.put(uploadKey(storageKey, file), data, 'image/webp');
      variants.push({ width: info.width, height: info.height, file, bytes: info.size });
    }
    return { storageKey, format, width, height, bytes, variants };
  } catch (error) {
    await store.deleteUnder(uploadFolder(storageKey));
    if (error instanceof MediaUploadError) throw error;
    console.error('image processing failed', error);
    throw new MediaUploadError(isPixelLimitError(error) ? 'dimensions' : 'corrupt');
  }
}

/** Removes an upload's files (after its row is deleted, or when saving the row failed). */
export async function removeUploadFiles(storageKey: string, store: FileStore = fileStore()): Promise<void> {
  // The key comes from our own rows, but checking it keeps a bad value from deleting anything else.
  if (!isStorageKey(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
  await store.deleteUnder(uploadFolder(storageKey));
}

/** Deletes the row, then its files: a failed file removal leaves stray files, never a row without files. */
export async function deleteMedia(db: Db, id: number, store: FileStore = fileStore()) {
  const row = await deleteMediaRow(db, id);
  if (row) await removeUploadFiles(row.storageKey, store);
  return row;
}

const widthOf = (file: string) => Number(file.slice(0, -'.webp'.length));

/**
 * One size of an upload for the media route, or null. A width that was not made (images narrower than
 * 320 px only have their own width) is answered with the largest stored size narrower than the request,
 * else the smallest one. Both names must already match the route's strict patterns.
 */
export async function openMediaVariant(storageKey: string, file: string, store: FileStore = fileStore()): Promise<OpenedFile | null> {
  const exact = await store.open(uploadKey(storageKey, file));
  if (exact) return exact;
  const folder = uploadFolder(storageKey);
  const widths = (await store.list(folder))
    .map((f) => f.key.slice(folder.length))
    .filter((name) => VARIANT_FILE_PATTERN.test(name))
    .map(widthOf)
    .sort((a, b) => a - b);
  if (widths.length === 0) return null;
  const wanted = widthOf(file);
  const narrower = widths.filter((w) => w < wanted);
  return store.open(uploadKey(storageKey, `${narrower.length > 0 ? narrower[narrower.length - 1] : widths[0]}.webp`));
}
