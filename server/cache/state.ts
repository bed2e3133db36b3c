// Versions of the public-content cache tags, shared by everything in this process that caches public
// content: the page cache in proxy.ts and the query cache in server/cache/query-cache.ts. proxy.ts is bundled apart
// from the app, so the state lives on globalThis under a registered symbol, not in module scope.
//
// A version only ever grows. A cached item remembers the versions of its tags when it was made and is
// stale as soon as any of them moved: by an editor's action in this process (server/cache/invalidate.ts) or by
// another instance sharing the PostgreSQL database (server/cache/sync.ts).

const KEY = Symbol.for('civic-portal.cache-state');

interface CacheState {
  versions: Map<string, number>;
}

function state(): CacheState {
  const holder = globalThis as unknown as Record<symbol, CacheState | undefined>;
  let current = holder[KEY];
  if (!current) {
    current = { versions: new Map() };
    holder[KEY] = current;
  }
  return current;
}

/** A fingerprint of the tags' versions; equal fingerprints mean nothing under these tags changed. */
export function tagFingerprint(tags: readonly string[]): string {
  const { versions } = state();
  return tags.map((tag) => `${tag}=${versions.get(tag) ?? 0}`).join(',');
}

/** Marks everything cached under these tags as stale, at once, in this process. */
export function bumpTags(tags: readonly string[]): void {
  const { versions } = state();
  for (const tag of tags) versions.set(tag, (versions.get(tag) ?? 0) + 1);
}
