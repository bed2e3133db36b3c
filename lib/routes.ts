// Public addresses of content, shared by pages, feeds, the sitemap and search (no I/O here).

/** An article's public address: its slug when it has one, else its id. */
export function newsPath(article: { id: number; slug: string | null }): string {
  return `/news/${article.slug ?? article.id}`;
}

/** The editors' area: `/admin` and everything under it. */
export function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/**
 * A dynamic route segment (or a whole path) as typed: Next.js hands it over percent-encoded. Null when it is not
 * valid percent-encoding (`%E0%A4`, a lone `%`), which can only be a wrong address: pages answer 404, the proxy
 * 400 for a whole path, never 500.
 */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
