// db:backup / db:restore: a dump of the demo data plus awkward values restores exactly, across engines
// (on the PostgreSQL project: PostgreSQL -> PGlite -> PostgreSQL), and bad restores change nothing.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTables, linesOf, orderBy, quoteIdent, quoteLiteral, restoreDump, RestoreRefusedError, writeDump } from '@/db/backup';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, creditEntries, goodPeople, newsArticles, newsChannels, privateFiles } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { engine, freshDatabase, freshPglite } from './helpers';

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
const LEVEL = `${journal.entries.length} ${journal.entries.at(-1)!.when}`;

/** Text that breaks naive dumpers: quotes, backslashes, line breaks, things that look like SQL, wide unicode. */
const AWKWARD = [
  `单引号' 双引号" 反斜杠\\ 以反斜杠结尾\\`,
  'line 1\nline 2\r\nwindows\rlone CR\ttab',
  "ends with a semicolon;\n-- looks like a comment\n);\nINSERT INTO \"users\" VALUES ('x');",
  "E'not an escape' \\x41 \\n \\u0041 literally",
  'emoji 👨‍👩‍👧 𠀀 繁體 \u202eRTL\u202c \u2028 \u2029 \u00a0 \u0085',
  'control \u0001 \u001f \u007f',
  '$$ dollar $$ quoting {braces} [brackets] "quoted, with comma"',
];

// A table the migrations do not know, for the types the schema does not use yet (bytea, floats, interval…).
const PROBE_TABLE = `create table zz_backup_probe (
  id integer generated always as identity primary key,
  data bytea, ratio double precision, small real, span interval, doc json, docb jsonb,
  local_at timestamp, at timestamptz, amount numeric(20, 6), words text[], numbers int4[], flag boolean,
  clock time, twice integer generated always as (id * 2) stored
)`;

async function addAwkwardRows(db: Db): Promise<void> {
  await db.execute(sql.raw(PROBE_TABLE));
  await db.execute(sql`insert into zz_backup_probe (data, ratio, small, span, doc, docb, local_at, at, amount, words, numbers, flag, clock) values
    (decode('00ff5c27220a0d', 'hex'), 0.1, 1.5e-7, '1 year 2 mons 3 days 04:05:06.789', '{"b": 1,  "a": [1, 2.50]}',
     '{"big": 9007199254740993, "tiny": 1e-300, "s": "a\\"b\\\\c\\n"}', '2026-02-28 23:59:59.999999',
     '2026-03-04 05:06:07.123456+08', 12345678901234.123456, '{"a,b","c\\"d","e}f","",NULL,"NULL"}',
     '{1,NULL,-3}', true, '23:59:59.5'),
    (null, 'NaN', '-Infinity', '-1 days', null, '[]', null, '1999-12-31 16:00:00+00', -0.000001, '{}', null, false, null),
    (null, null, null, null, null, null, null, null, null, null, null, null, null)`);

  const [channel] = await db.insert(newsChannels).values({ slug: 'backup-test', name: '备份测试', sortOrder: 99 }).returning({ id: newsChannels.id });
  for (const [i, text] of AWKWARD.entries()) {
    await db.insert(newsArticles).values({
      channelId: channel!.id,
      slug: `backup-${i}`,
      title: `备份测试 ${i} ${text.slice(0, 40)}`,
      summary: text,
      body: `<p>${text.replace(/</g, '&lt;')}</p>`,
      tags: [text.slice(0, 10), 'a,b', 'x"y'],
      status: i % 2 ? 'published' : 'draft',
      publishedAt: i % 2 ? new Date('2026-01-02T03:04:05.678Z') : null,
    });
    await db.insert(auditLog).values({ actorName: text, action: 'test.backup', entityType: 'backup', entityId: String(i), before: { text, list: [text, null, 1.25] }, after: null, note: text });
  }
  // Microsecond timestamps, NULLs, numeric amounts and full ID numbers in an existing entry.
  await db.execute(sql`update ${creditEntries} set status_changed_at = '2026-05-06 07:08:09.000001+00', amount = '99999999999999.99', legal_rep = null where id = (select min(id) from ${creditEntries})`);
  await db.execute(sql`update ${goodPeople} set story = ${AWKWARD.join('\n')} where id = (select min(id) from ${goodPeople})`);
  await db.insert(privateFiles).values({ storageKey: 'backup-test-key', purpose: 'objection', format: 'pdf', originalName: AWKWARD[0]!, bytes: 1234, ownerId: null });
}

async function dumpText(db: Db): Promise<string> {
  const parts: string[] = [];
  await writeDump(db, (text) => void parts.push(text), { now: new Date('2026-01-01T00:00:00Z') });
  return parts.join('');
}

/**
 * Every table's rows as JSON in key order, and every sequence's state. Generated columns are left out
 * when comparing across engines: each engine computes them itself (PostgreSQL's regex classes follow the
 * cluster's locale, so search_text can differ for exotic Unicode spaces while the stored data is equal).
 */
async function contents(db: Db, withGenerated = true): Promise<Record<string, string[]>> {
  return db.transaction(async (t) => {
    await t.execute(sql.raw(`set local timezone = 'UTC'`));
    const result: Record<string, string[]> = {};
    for (const table of await describeTables(t)) {
      const generated = table.columns.filter((c) => c.generated).map((c) => c.name);
      const drop = !withGenerated && generated.length > 0 ? ` - ${quoteLiteral(`{${generated.join(',')}}`)}::text[]` : '';
      const rows = await t.execute(sql.raw(`select (to_jsonb(x)${drop})::text as j from ${quoteIdent(table.name)} x order by ${orderBy(table)}`));
      result[table.name] = rows.rows.map((r) => String((r as { j: string }).j));
    }
    const sequences = await t.execute(sql.raw(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' order by 1`));
    for (const { name } of sequences.rows as { name: string }[]) {
      const state = await t.execute(sql.raw(`select last_value::text || ' ' || is_called::text as s from ${quoteIdent(name)}`));
      result[`sequence ${name}`] = [(state.rows[0] as { s: string }).s];
    }
    return result;
  });
}

async function restoreInto(handle: DbHandle, text: string, force = false) {
  return restoreDump(handle.db, linesOf(text), { force });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestoreRefusedError);
  return (error as Error).message;
}

describe(`backup and restore (source on ${engine})`, () => {
  const handles: DbHandle[] = [];
  let sourceDump: string;
  let sourceContents: Record<string, string[]>;
  let sourceStored: Record<string, string[]>;
  /** The source restored into a PGlite database (the other engine when the source is PostgreSQL). */
  let pglite: DbHandle;

  beforeAll(async () => {
    const source = await freshDatabase();
    handles.push(source);
    await seedDemo(source.db, { today: '2026-11-23' });
    await addAwkwardRows(source.db);
    sourceDump = await dumpText(source.db);
    sourceContents = await contents(source.db);
    sourceStored = await contents(source.db, false);
    pglite = await freshPglite();
    handles.push(pglite);
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
  });

  it('writes plain SQL with a header, every stored column, no generated ones, and sequence positions', () => {
    const lines = sourceDump.split('\n');
    expect(lines[0]).toBe('-- civic-portal database dump');
    expect(lines).toContain(`-- migrations: ${LEVEL}`);
    expect(lines.at(-2)).toBe('-- end of dump');
    expect(sourceDump).not.toMatch(/"search_text"|"search_bigrams"|"twice"/);
    expect(sourceDump).toContain('OVERRIDING SYSTEM VALUE');
    expect(sourceDump).toMatch(/^SELECT pg_catalog\.setval\('public\."users_id_seq"', \d+, (true|false)\);$/m);
    // One row per line: no value spans lines, so each statement ends at a line ending in ';'.
    for (const line of lines) expect(line.startsWith('(') || line.startsWith('INSERT INTO') || line.startsWith('SELECT') || line.startsWith('--') || line === '').toBe(true);
    // Parents before children.
    const order = (table: string) => sourceDump.indexOf(`-- table ${table}\n`);
    expect(order('news_channels')).toBeLessThan(order('news_articles'));
    expect(order('news_articles')).toBeLessThan(order('news_revisions'));
    expect(order('credit_entries')).toBeLessThan(order('credit_objections'));
    expect(order('credit_objections')).toBeLessThan(order('credit_objection_events'));
    expect(sourceContents.credit_entries!.length).toBeGreaterThanOrEqual(300);
    expect(sourceContents.zz_backup_probe).toHaveLength(3);
  });

  it(engine === 'postgres' ? 'round-trips PostgreSQL -> PGlite -> PostgreSQL exactly' : 'round-trips PGlite -> PGlite exactly', async () => {
    await pglite.db.execute(sql.raw(PROBE_TABLE));
    const first = await restoreInto(pglite, sourceDump);
    expect(first.wiped).toBe(false);
    expect(first.tables.credit_entries).toBe(sourceContents.credit_entries!.length);
    expect(await contents(pglite.db, engine === 'pglite')).toEqual(engine === 'pglite' ? sourceContents : sourceStored);
    const pgliteDump = await dumpText(pglite.db);
    expect(pgliteDump).toBe(sourceDump);

    if (engine === 'postgres') {
      const back = await freshDatabase();
      handles.push(back);
      await back.db.execute(sql.raw(PROBE_TABLE));
      await restoreInto(back, pgliteDump);
      expect(await contents(back.db)).toEqual(sourceContents);
      expect(await dumpText(back.db)).toBe(sourceDump);
    }

    // The restored database keeps working: sequences continue after the restored ids.
    const [channel] = await pglite.db.insert(newsChannels).values({ slug: 'after-restore', name: '恢复后' }).returning({ id: newsChannels.id });
    const maxId = Math.max(...sourceContents.news_channels!.map((j) => (JSON.parse(j) as { id: number }).id));
    expect(channel!.id).toBe(maxId + 1);
  });

  it('refuses a non-empty target, a newer dump and a damaged file, changing nothing; --force replaces everything', async () => {
    // The target has data of its own (the restore above plus one more row, or just that row).
    const target = pglite;
    await target.db.insert(auditLog).values({ actorName: 'test', action: 'test.existing', entityType: 'backup' });
    const before = await contents(target.db);
    const same = engine === 'pglite';

    expect(await refusal(restoreInto(target, sourceDump))).toMatch(/not empty.*--force/s);
    const newer = sourceDump.replace(`-- migrations: ${LEVEL}`, `-- migrations: ${journal.entries.length + 1} ${Date.now()}`);
    expect(await refusal(restoreInto(target, newer, true))).toMatch(/newer than this database/);
    const cut = sourceDump.slice(0, sourceDump.indexOf('-- table news_articles'));
    expect(await refusal(restoreInto(target, cut, true))).toMatch(/cut short/);
    const tampered = sourceDump.replace('\n-- sequences\n', '\n-- sequences\nDROP TABLE users;\n');
    expect(await refusal(restoreInto(target, tampered, true))).toMatch(/Unexpected statement/);
    expect(await refusal(restoreInto(target, 'select 1;\n'))).toMatch(/not a civic-portal dump/);
    // The refused forced restores had already emptied the tables inside their transaction: all rolled back.
    expect(await contents(target.db)).toEqual(before);

    const forced = await restoreInto(target, sourceDump, true);
    expect(forced.wiped).toBe(true);
    expect(await contents(target.db, same)).toEqual(same ? sourceContents : sourceStored);
    // The audit log is append-only again after the forced wipe.
    await expect(target.db.execute(sql`delete from ${auditLog}`)).rejects.toThrow();
  });
});
