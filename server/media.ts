// Turns uploaded bytes into stored WebP sizes under DATA_DIR/uploads. Server only (uses sharp and fs).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { dataDir, type Db } from '@/db/client';
import { deleteMediaRow } from '@/db/queries/media';
import type { MediaVariant } from '@/db/schema/media';
import { isStorageKey, sniffImageFormat, VARIANT_WIDTHS, type ImageFormat } from '@/lib/media-url';

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

export function uploadsDir(): string {
  return path.join(dataDir(), 'uploads');
}

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
 * Checks an upload and writes its WebP sizes to DATA_DIR/uploads/<storageKey>/<width>.webp. The files
 * are made in a temporary folder and renamed into place, so a crash never leaves half an upload under
 * a real key. Only re-encoded pixels are stored: the uploaded bytes themselves are never served.
 */
export async function processUpload(input: Uint8Array, options: { maxBytes?: number } = {}): Promise<ProcessedUpload> {
  const bytes = input.byteLength;
  if (bytes > (options.maxBytes ?? MAX_UPLOAD_BYTES)) throw new MediaUploadError('too_large');
  const format = sniffImageFormat(input);
  if (!format) throw new MediaUploadError('format');
  const { width, height } = await readDimensions(input, format);

  const root = uploadsDir();
  await fs.mkdir(root, { recursive: true });
  const storageKey = randomBytes(16).toString('hex');
  const staging = path.join(root, `.tmp-${storageKey}`);
  await fs.mkdir(staging);
  try {
    const variants: MediaVariant[] = [];
    for (const w of variantWidths(width)) {
      const file = `${w}.webp`;
      const info = await decoder(input)
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toFile(path.join(staging, file));
      variants.push({ width: info.width, height: info.height, file, bytes: info.size });
    }
    await fs.rename(staging, path.join(root, storageKey));
    return { storageKey, format, width, height, bytes, variants };
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (error instanceof MediaUploadError) throw error;
    console.error('image processing failed', error);
    throw new MediaUploadError(isPixelLimitError(error) ? 'dimensions' : 'corrupt');
  }
}

/** Removes an upload's files (after its row is deleted, or when saving the row failed). */
export async function removeUploadFiles(storageKey: string): Promise<void> {
  // The key comes from our own rows, but checking it keeps a bad value from deleting anything else.
  if (!isStorageKey(storageKey)) throw new Error(`not a storage key: ${storageKey}`);
  await fs.rm(path.join(uploadsDir(), storageKey), { recursive: true, force: true });
}

/** Deletes the row, then its files: a failed file removal leaves stray files, never a row without files. */
export async function deleteMedia(db: Db, id: number) {
  const row = await deleteMediaRow(db, id);
  if (row) await removeUploadFiles(row.storageKey);
  return row;
}
