// The one call that actions make after a change (tags: server/cache/tags.ts), so that a
// published, edited or withdrawn item is never served stale from any cached page or data: in this
// process at once (server/cache/state.ts), and in every other instance on the same PostgreSQL through the
// cache_tags table and its notifications (server/cache/sync.ts).
import { getDb } from '@/db/client';
import { noteTagVersions } from '@/server/cache/sync';
import { recordTagChanges } from '@/db/queries/cache-tags';
import { bumpTags } from './state';
import { TAGS } from './tags';
import { safeErrorSummary } from '@/lib/log-error';

export { TAGS };

/** After a committed change: expire the tags here at once, then tell the other instances. */
export async function invalidate(...tags: string[]): Promise<void> {
  bumpTags(tags);
  try {
    // Our own notification then finds these versions already seen and expires nothing twice.
    noteTagVersions(await recordTagChanges(await getDb(), tags), { own: true });
  } catch (error) {
    // The change itself is saved; other instances catch up when their cached copies expire.
    console.error(`cache tags: recording a change failed: ${safeErrorSummary(error)}`);
  }
}

export function invalidateNews(articleId?: number): Promise<void> {
  return invalidate(TAGS.news, ...(articleId ? [TAGS.article(articleId)] : []));
}
