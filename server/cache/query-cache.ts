// Caching of public queries in this process, by tag: an editor's change expires the tag at once here
// and in every other instance on the same database (server/cache/invalidate.ts, server/cache/sync.ts). Values are
// kept as the query returned them (Dates stay Dates); callers must treat them as read-only.
import { getDb, type Db } from '@/db/client';
import { nextCityMidnight } from './page-cache';
import { tagFingerprint } from './state';

interface Entry {
  value: Promise<unknown>;
  fingerprint: string;
  expires: number;
}

const MAX_ENTRIES = 2_000;
const KEY = Symbol.for('civic-portal.query-cache');

function entries(): Map<string, Entry> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Entry> | undefined>;
  return (holder[KEY] ??= new Map());
}

type QueryArgs<F> = F extends (db: Db, ...args: infer A) => Promise<unknown> ? A : never;

/**
 * A cached public query: keyed by its name and arguments, tagged, and refreshed after `revalidate`
 * seconds at the latest (which also bounds how late a scheduled item appears), and with `midnight` never
 * past the city's next midnight (when credit entries reach their end date). Concurrent callers of the
 * same uncached query share one database round trip.
 */
export function cachedQuery<F extends (db: Db, ...args: never[]) => Promise<unknown>>(
  name: string,
  query: F,
  options: { tags: (...args: QueryArgs<F>) => string[]; revalidate: number; midnight?: boolean },
): (...args: QueryArgs<F>) => ReturnType<F> {
  const run = query as unknown as (db: Db, ...args: QueryArgs<F>) => ReturnType<F>;
  return ((...args: QueryArgs<F>) => {
    const cache = entries();
    const key = `${name}:${JSON.stringify(args)}`;
    // Taken before the query runs: a change committed meanwhile makes this entry stale at once.
    const fingerprint = tagFingerprint(options.tags(...args));
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.fingerprint === fingerprint && hit.expires > now) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = getDb().then((db) => run(db, ...args));
    cache.delete(key);
    const expires = now + options.revalidate * 1000;
    cache.set(key, { value, fingerprint, expires: options.midnight ? Math.min(expires, nextCityMidnight(now)) : expires });
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key); // never cache a failure
    });
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    return value;
  }) as (...args: QueryArgs<F>) => ReturnType<F>;
}
