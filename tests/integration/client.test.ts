import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';
import { putSetting, getSetting, DEFAULT_SITE_INFO } from '@/db/queries/settings';
import { auditLog, newsChannels } from '@/db/schema';
import { count } from 'drizzle-orm';
import { engine, freshDatabase, freshPostgresUrl } from './helpers';

describe(`database client on ${engine}`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await freshDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  it('runs on the engine the test project names', () => {
    expect(handle.engine).toBe(engine);
  });

  it('creates the trigram extension and every table', async () => {
    const ext = await handle.db.execute(sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(ext.rows).toHaveLength(1);
    const [row] = await handle.db.select({ n: count() }).from(newsChannels);
    expect(row?.n).toBe(0); // a number on both drivers, not the string pg returns for raw count(*)
  });

  it('has a UTF-8 database, so Chinese text yields trigrams', async () => {
    const result = await handle.db.execute(sql`select show_trgm('文明城市') as t`);
    expect((result.rows[0] as { t: string[] }).t.length).toBeGreaterThan(0);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await handle.db.insert(auditLog).values({ actorName: 'test', action: 'create', entityType: 'probe' });
    // Drizzle wraps the driver's error; the database's own message is the cause.
    const causeOf = (error: unknown) => String((error as { cause?: Error }).cause?.message ?? error);
    for (const statement of [sql`update audit_log set action = 'changed'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const error = await handle.db.execute(statement).then(() => null, (e: unknown) => e);
      expect(causeOf(error)).toMatch(/append-only/);
    }
    const [row] = await handle.db.select({ n: count() }).from(auditLog);
    expect(row?.n).toBe(1);
  });

  it('validates settings on write and falls back to defaults on read', async () => {
    expect(await getSetting(handle.db, 'siteInfo')).toEqual(DEFAULT_SITE_INFO);
    await putSetting(handle.db, 'siteInfo', { ...DEFAULT_SITE_INFO, siteName: '测试文明网' });
    expect((await getSetting(handle.db, 'siteInfo')).siteName).toBe('测试文明网');
    await expect(putSetting(handle.db, 'siteInfo', { ...DEFAULT_SITE_INFO, siteName: '' })).rejects.toThrow();
  });
});

describe(`migrations on ${engine}`, () => {
  it('are idempotent: opening an up-to-date database again changes nothing', async () => {
    if (engine === 'postgres') {
      const { url, drop } = await freshPostgresUrl();
      try {
        const first = await openDatabase({ url });
        await first.db.insert(newsChannels).values({ slug: 'yaowen', name: '要闻' });
        await first.close();
        // Two instances starting together: the advisory lock serialises their migrations.
        const [a, b] = await Promise.all([openDatabase({ url }), openDatabase({ url })]);
        const [row] = await a.db.select({ n: count() }).from(newsChannels);
        expect(row?.n).toBe(1);
        await Promise.all([a.close(), b.close()]);
      } finally {
        await drop();
      }
    } else {
      const { mkdtempSync, rmSync } = await import('node:fs');
      const dir = mkdtempSync('/tmp/civic-migrate-');
      try {
        const first = await openDatabase({ pgliteDir: `${dir}/pglite` });
        await first.db.insert(newsChannels).values({ slug: 'yaowen', name: '要闻' });
        await first.close();
        const second = await openDatabase({ pgliteDir: `${dir}/pglite` });
        const [row] = await second.db.select({ n: count() }).from(newsChannels);
        expect(row?.n).toBe(1);
        await second.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
