// Serves the WebP sizes of uploaded images. A storage key never changes content, so browsers and
// proxies may keep a file for a year; a deleted image simply answers 404.
import fs from 'node:fs/promises';
import path from 'node:path';
import { STORAGE_KEY_PATTERN, VARIANT_FILE_PATTERN } from '@/lib/media-url';
import { uploadsDir } from '@/server/media';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

const widthOf = (file: string) => Number(file.slice(0, -'.webp'.length));

/** The file's bytes, or null when it does not exist. */
async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error('media file unreadable', file, error);
    return null;
  }
}

/**
 * Stand-in for a width that was not made (images narrower than 320 px only have their own width):
 * the largest stored size narrower than the request, else the smallest one.
 */
async function fallbackVariant(folder: string, wanted: number): Promise<string | null> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const widths = names.filter((name) => VARIANT_FILE_PATTERN.test(name)).map(widthOf).sort((a, b) => a - b);
  if (widths.length === 0) return null;
  const narrower = widths.filter((w) => w < wanted);
  return `${narrower.length > 0 ? narrower[narrower.length - 1] : widths[0]}.webp`;
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  // Both parts must match strict patterns: no dots, slashes or encoded tricks can leave the uploads folder.
  if (!STORAGE_KEY_PATTERN.test(key) || !VARIANT_FILE_PATTERN.test(file)) return notFound();
  const folder = path.join(uploadsDir(), key);
  let body = await readIfExists(path.join(folder, file));
  if (!body) {
    const substitute = await fallbackVariant(folder, widthOf(file));
    if (substitute) body = await readIfExists(path.join(/*turbopackIgnore: true*/ folder, substitute));
  }
  if (!body) return notFound();
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
