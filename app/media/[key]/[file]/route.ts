// Serves the WebP sizes of uploaded images. A storage key never changes content, so browsers and
// proxies may keep a file for a year; a deleted image simply answers 404.
import fs from 'node:fs/promises';
import path from 'node:path';
import { STORAGE_KEY_PATTERN, VARIANT_FILE_PATTERN } from '@/lib/media-url';
import { uploadsDir } from '@/lib/media';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  // Both parts must match strict patterns: no dots, slashes or encoded tricks can leave the uploads folder.
  if (!STORAGE_KEY_PATTERN.test(key) || !VARIANT_FILE_PATTERN.test(file)) return notFound();
  let body: Buffer;
  try {
    body = await fs.readFile(path.join(uploadsDir(), key, file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') console.error('media file unreadable', key, file, error);
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
