// Pure helpers for uploaded images, safe to import from client components: no Node or sharp imports.
import type { MediaVariant } from './stored-files';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** The WebP widths made for every upload (never upscaled: smaller images get their own width instead). */
export const VARIANT_WIDTHS = [320, 800, 1600] as const;

// The route serves only names of these shapes, so no request can reach another stored file than an upload's sizes.
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{32}$/;
export const VARIANT_FILE_PATTERN = /^\d{2,4}\.webp$/;

export function isStorageKey(value: string): boolean {
  return STORAGE_KEY_PATTERN.test(value);
}

/** Public URL of one WebP size of an upload (served by app/media/[key]/[file]/route.ts). */
export function mediaUrl(storageKey: string, width: number): string {
  return `/media/${storageKey}/${width}.webp`;
}

/** The smallest size at least `wanted` pixels wide, or the largest there is. */
export function pickVariant(variants: readonly MediaVariant[], wanted: number): MediaVariant | null {
  const sorted = [...variants].sort((a, b) => a.width - b.width);
  return sorted.find((v) => v.width >= wanted) ?? sorted[sorted.length - 1] ?? null;
}

/** `srcset` value listing every size, for responsive <img> tags. */
export function mediaSrcSet(storageKey: string, variants: readonly MediaVariant[]): string {
  return [...variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${mediaUrl(storageKey, v.width)} ${v.width}w`)
    .join(', ');
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const WEBP_CHUNKS = [ascii('VP8 '), ascii('VP8L'), ascii('VP8X')];

/**
 * The image format from the file's first bytes. The name and the browser's MIME type are chosen by the
 * uploader and prove nothing; anything that is not one of the four raster formats (SVG, HTML, scripts,
 * PDF, empty files) gives null.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8) && WEBP_CHUNKS.some((chunk) => startsWith(bytes, chunk, 12))) return 'webp';
  return null;
}

/** 1.2 MB, 830 KB: sizes for people. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
