// Public addresses of content, shared by pages, feeds, the sitemap and search (no I/O here).

/** An article's public address: its slug when it has one, else its id. */
export function newsPath(article: { id: number; slug: string | null }): string {
  return `/news/${article.slug ?? article.id}`;
}
