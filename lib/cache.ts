// Data caching of public queries, tagged so that an editor's change expires it at once (lib/cache-tags.ts).
// Results pass through JSON in Next's data cache, so timestamps are revived as Date objects here.
import { unstable_cache } from 'next/cache';
import { getDb, type Db } from '@/db/client';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
// Only these fields hold timestamps; a title that happens to look like one stays text.
const DATE_KEYS = new Set(['publishedAt', 'lastModified', 'updatedAt', 'createdAt', 'at']);

export function reviveDates<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reviveDates) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, DATE_KEYS.has(k) && typeof v === 'string' && ISO_TIMESTAMP.test(v) ? new Date(v) : reviveDates(v)]),
    ) as T;
  }
  return value;
}

/**
 * A cached public query: keyed by its name and arguments, tagged, and refreshed after `revalidate`
 * seconds at the latest (which also bounds how late a scheduled item appears).
 */
type QueryArgs<F> = F extends (db: Db, ...args: infer A) => Promise<unknown> ? A : never;

export function cachedQuery<F extends (db: Db, ...args: never[]) => Promise<unknown>>(
  name: string,
  query: F,
  options: { tags: (...args: QueryArgs<F>) => string[]; revalidate: number },
): (...args: QueryArgs<F>) => ReturnType<F> {
  const run = query as unknown as (db: Db, ...args: QueryArgs<F>) => ReturnType<F>;
  return (async (...args: QueryArgs<F>) => {
    const load = unstable_cache(async () => run(await getDb(), ...args), [name, JSON.stringify(args)], {
      tags: options.tags(...args),
      revalidate: options.revalidate,
    });
    return reviveDates(await load());
  }) as (...args: QueryArgs<F>) => ReturnType<F>;
}
