// Cache tags of public content, and the one call that actions make after a change, so that a
// published, edited or withdrawn item is never served stale from any cached page or data.
import { updateTag } from 'next/cache';

export const TAGS = {
  news: 'news',
  article: (id: number) => `news:${id}`,
  people: 'people',
  credit: 'credit',
  settings: 'settings',
} as const;

/** From a server action: expire the tags at once (read-your-own-writes, no stale window). */
export function invalidate(...tags: string[]): void {
  for (const tag of tags) updateTag(tag);
}

export function invalidateNews(articleId?: number): void {
  invalidate(TAGS.news, ...(articleId ? [TAGS.article(articleId)] : []));
}
