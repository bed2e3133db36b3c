// Serves the WebP sizes of uploaded images from the file store (DATA_DIR with PGlite, PostgreSQL with
// DATABASE_URL: every instance serves every upload). A storage key never changes content, so browsers
// and proxies may keep a file for a year; a deleted image simply answers 404.
import { STORAGE_KEY_PATTERN, VARIANT_FILE_PATTERN } from '@/lib/media-url';
import { openMediaVariant } from '@/server/media';

export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  // Both parts must match strict patterns: no dots, slashes or encoded tricks can reach another file.
  if (!STORAGE_KEY_PATTERN.test(key) || !VARIANT_FILE_PATTERN.test(file)) return notFound();
  let opened;
  try {
    opened = await openMediaVariant(key, file);
  } catch (error) {
    // The store failed (database unreachable, disk error): say so, rather than that the image is gone.
    console.error('media file unreadable', `${key}/${file}`, error);
    return new Response('Service unavailable', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' } });
  }
  if (!opened) return notFound();
  return new Response(opened.body, {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(opened.size),
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
