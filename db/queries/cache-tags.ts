// The shared record of cache-tag changes (table cache_tags): each change bumps the tag's version and
// notifies the other instances on the same PostgreSQL (channel `cache_tags`, payload `tag:version`).
import { sql } from 'drizzle-orm';
import type { Db } from '../client';

export const CACHE_TAG_CHANNEL = 'cache_tags';

/** Bumps each tag's version and notifies listeners; returns the new versions. */
export async function recordTagChanges(db: Db, tags: readonly string[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const tag of new Set(tags)) {
    const result = await db.execute<{ version: number | string }>(sql`
      insert into cache_tags (tag, version, changed_at) values (${tag}, 1, now())
      on conflict (tag) do update set version = cache_tags.version + 1, changed_at = now()
      returning version`);
    const version = Number(result.rows[0]?.version ?? 0);
    versions.set(tag, version);
    await db.execute(sql`select pg_notify(${CACHE_TAG_CHANNEL}, ${`${tag}:${version}`})`);
  }
  return versions;
}

export async function readTagVersions(db: Db): Promise<Map<string, number>> {
  const result = await db.execute<{ tag: string; version: number | string }>(sql`select tag, version from cache_tags`);
  return new Map(result.rows.map((row) => [row.tag, Number(row.version)]));
}
