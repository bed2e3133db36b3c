// Portable SQL dumps of the whole database and their restore, for PGlite and PostgreSQL alike (so PGlite
// data moves to PostgreSQL and back). A dump is plain SQL text: a header naming the migration level, then
// per table (in foreign-key order) multi-row INSERTs of every stored column, then the sequence positions.
// Every value is written as a text literal that PostgreSQL converts back to the column's type, one row
// per line with newlines escaped, so a statement ends exactly at a line ending in ';'.
// Files: with PostgreSQL they are rows of stored_files like any other. PGlite keeps them in a folder
// (server/storage.ts), which the caller passes as `files`: they are written as rows of stored_files too,
// so one dump restores into either engine (db:restore then moves them into PGlite's folder).
import { sql } from 'drizzle-orm';
import type { Db } from './client';

export const DUMP_MAGIC = '-- civic-portal database dump';
const FORMAT_VERSION = 1;
const END_MARKER = '-- end of dump';
/** Rows per INSERT statement, and the text size at which a statement is ended early. */
const ROWS_PER_STATEMENT = 500;
const MAX_STATEMENT_CHARS = 1_000_000;
/** Rows fetched from the cursor at a time while dumping; fewer for tables holding files (bytea). */
const PAGE_ROWS = 2000;
const FILE_PAGE_ROWS = 8;
/** The table that holds files (db/schema/storage.ts). */
const FILES_TABLE = 'stored_files';
/**
 * Tables the database derives from others by triggers (unit_month_figures from issues, migration 0016;
 * credit_batch_counts and credit_public_spans from credit_entries, migrations 0018 and 0019):
 * their rows are not dumped, since restoring the source rows writes them again (a dumped copy would
 * collide with those). The tables are still listed, so a forced restore empties them.
 */
const DERIVED_TABLES = new Set(['unit_month_figures', 'credit_batch_counts', 'credit_public_spans']);

export type ColumnInfo = { name: string; type: string; generated: boolean; identityAlways: boolean; collatable: boolean };
/** keyColumns: the primary key, or every stored column of a table without one (primaryKey false): the dump's row order. */
export type TableInfo = { name: string; columns: ColumnInfo[]; keyColumns: string[]; primaryKey: boolean };
export type MigrationLevel = { count: number; lastCreatedAt: number | null };
export type DumpSummary = { level: MigrationLevel; tables: Record<string, number>; sequences: number };
export type RestoreSummary = DumpSummary & { wiped: boolean };

/** Files kept outside the database (PGlite's folder), dumped as rows of stored_files. */
export type OutsideFiles = {
  list(): Promise<{ key: string; contentType: string; size: number; createdAt: Date }[]>;
  get(key: string): Promise<Uint8Array | null>;
};

/** A restore that was refused before anything changed (not empty, newer dump, damaged file). */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

type Row = Record<string, unknown>;

async function rows<T extends Row>(db: Db, query: string): Promise<T[]> {
  return (await db.execute(sql.raw(query))).rows as T[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A SQL string literal for any text PostgreSQL can store. Plain text is written as '...'; text with
 * backslashes, quotes or control characters as E'...' with escapes, so no literal spans two lines.
 */
export function quoteLiteral(value: string): string {
  if (!/[\\\u0000-\u001f\u007f\u2028\u2029]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  const escaped = value.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "''";
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
  return `E'${escaped}'`;
}

// ------------------------------------------------------------------------------------------- catalog

/** The application's tables (schema public), parents before children, each with its stored columns and key. */
export async function describeTables(db: Db): Promise<TableInfo[]> {
  const columnRows = await rows<{ table_name: string; name: string; type: string; generated: string; identity: string; attnum: number; collatable: boolean }>(
    db,
    `select c.relname as table_name, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
            a.attgenerated::text as generated, a.attidentity::text as identity, a.attnum::int as attnum,
            a.attcollation <> 0 as collatable
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const keyRows = await rows<{ table_name: string; attnums: string }>(
    db,
    `select c.relname as table_name, array_to_string(k.conkey, ',') as attnums
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and k.contype = 'p'`,
  );
  const foreignRows = await rows<{ child: string; parent: string }>(
    db,
    `select c1.relname as child, c2.relname as parent
       from pg_constraint k
       join pg_class c1 on c1.oid = k.conrelid
       join pg_class c2 on c2.oid = k.confrelid
       join pg_namespace n on n.oid = c1.relnamespace
      where n.nspname = 'public' and k.contype = 'f'`,
  );

  const tables = new Map<string, TableInfo & { attnums: Map<number, string> }>();
  for (const r of columnRows) {
    let table = tables.get(r.table_name);
    if (!table) tables.set(r.table_name, (table = { name: r.table_name, columns: [], keyColumns: [], primaryKey: false, attnums: new Map() }));
    table.columns.push({ name: r.name, type: r.type, generated: r.generated !== '', identityAlways: r.identity === 'a', collatable: Boolean(r.collatable) });
    table.attnums.set(Number(r.attnum), r.name);
  }
  for (const k of keyRows) {
    const table = tables.get(k.table_name);
    if (!table) continue;
    table.keyColumns = k.attnums.split(',').map((n) => table.attnums.get(Number(n))!);
    table.primaryKey = true;
  }
  // Tables without a primary key are ordered by all their stored columns (json has no order).
  for (const table of tables.values()) {
    if (table.keyColumns.length === 0) table.keyColumns = table.columns.filter((c) => !c.generated && c.type !== 'json').map((c) => c.name);
  }

  // Parents first (Kahn's algorithm, alphabetical among equals, so every dump lists tables in the same order).
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const f of foreignRows) if (f.child !== f.parent && parents.has(f.child) && tables.has(f.parent)) parents.get(f.child)!.add(f.parent);
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < tables.size) {
    const ready = [...tables.keys()].filter((name) => !done.has(name) && [...parents.get(name)!].every((p) => done.has(p))).sort();
    if (ready.length === 0) throw new Error('describeTables: circular foreign keys between tables');
    for (const name of ready) {
      const { name: tableName, columns, keyColumns, primaryKey } = tables.get(name)!;
      ordered.push({ name: tableName, columns, keyColumns, primaryKey });
      done.add(name);
    }
  }
  return ordered;
}

async function listSequences(db: Db): Promise<string[]> {
  const found = await rows<{ name: string }>(
    db,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  return found.map((r) => r.name);
}

/** How many migrations the database has applied, and the timestamp (journal `when`) of the last one. */
export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const [exists] = await rows<{ found: boolean }>(db, `select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  if (!exists?.found) return { count: 0, lastCreatedAt: null };
  const [level] = await rows<{ count: number; last: string | null }>(db, `select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`);
  return { count: Number(level?.count ?? 0), lastCreatedAt: level?.last == null ? null : Number(level.last) };
}

// ---------------------------------------------------------------------------------------------- dump

/** Session settings that make every value's text form exact and engine-independent. */
const DUMP_SETTINGS = [
  `set local timezone = 'UTC'`,
  `set local datestyle = 'ISO, YMD'`,
  `set local intervalstyle = 'postgres'`,
  `set local bytea_output = 'hex'`,
  `set local extra_float_digits = 1`,
];

/** The key order; text sorts by code point ("C"), so both engines list rows alike whatever their locale. */
export function orderBy(table: TableInfo): string {
  return table.keyColumns
    .map((name) => (table.columns.find((c) => c.name === name)!.collatable ? `${quoteIdent(name)} COLLATE "C"` : quoteIdent(name)))
    .join(', ');
}

/**
 * Writes the whole database as SQL text through `write` (called with whole lines, in order), from one
 * consistent snapshot. Generated columns are left out: the restoring database computes them.
 */
export async function writeDump(db: Db, write: (text: string) => void | Promise<void>, options: { now?: Date; files?: OutsideFiles } = {}): Promise<DumpSummary> {
  return db.transaction(
    async (t) => {
      for (const setting of DUMP_SETTINGS) await t.execute(sql.raw(setting));
      const level = await migrationLevel(t);
      const tables = await describeTables(t);
      const sequences = await listSequences(t);
      await write(
        [
          DUMP_MAGIC,
          `-- format: ${FORMAT_VERSION}`,
          `-- migrations: ${level.count} ${level.lastCreatedAt ?? 0}`,
          `-- written: ${(options.now ?? new Date()).toISOString()}`,
          `-- tables: ${tables.map((table) => table.name).join(' ')}`,
          '',
        ].join('\n') + '\n',
      );

      const counts: Record<string, number> = {};
      for (const table of tables) {
        if (DERIVED_TABLES.has(table.name)) {
          await write(`-- derived ${table.name}: written again by the restore\n`);
          counts[table.name] = 0;
          continue;
        }
        counts[table.name] = await dumpTable(t, table, write, table.name === FILES_TABLE ? options.files : undefined);
      }

      await write(`\n-- sequences\n`);
      for (const name of sequences) {
        const [state] = await rows<{ last_value: string; is_called: boolean }>(t, `select last_value::text as last_value, is_called from ${quoteIdent(name)}`);
        await write(`SELECT pg_catalog.setval(${quoteLiteral(`public.${quoteIdent(name)}`)}, ${BigInt(state!.last_value)}, ${state!.is_called ? 'true' : 'false'});\n`);
      }
      await write(`\n${END_MARKER}\n`);
      return { level, tables: counts, sequences: sequences.length };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function dumpTable(db: Db, table: TableInfo, write: (text: string) => void | Promise<void>, files?: OutsideFiles): Promise<number> {
  const stored = table.columns.filter((c) => !c.generated);
  const select = stored.map((c, i) => `${quoteIdent(c.name)}::text as c${i}`).join(', ');
  const insertHead = `INSERT INTO ${quoteIdent(table.name)} (${stored.map((c) => quoteIdent(c.name)).join(', ')})${stored.some((c) => c.identityAlways) ? ' OVERRIDING SYSTEM VALUE' : ''} VALUES\n`;

  await write(`\n-- table ${table.name}\n`);
  let total = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await write(insertHead + pending.join(',\n') + ';\n');
    pending = [];
    pendingChars = 0;
  };
  const add = async (values: (string | null)[]) => {
    const line = `(${values.map((v) => (v === null ? 'NULL' : quoteLiteral(v))).join(', ')})`;
    pending.push(line);
    pendingChars += line.length;
    if (pending.length >= ROWS_PER_STATEMENT || pendingChars >= MAX_STATEMENT_CHARS) await flush();
  };
  const pageRows = stored.some((c) => c.type === 'bytea') ? FILE_PAGE_ROWS : PAGE_ROWS;
  const seen = files ? new Set<string>() : null;
  const keyAt = `c${stored.findIndex((c) => c.name === 'key')}`;

  // A cursor reads the table once, in key order, a page at a time, whatever its size.
  await db.execute(sql.raw(`declare dump_rows no scroll cursor for select ${select} from ${quoteIdent(table.name)} order by ${orderBy(table)}`));
  for (;;) {
    const page = await rows<Record<string, string | null>>(db, `fetch forward ${pageRows} from dump_rows`);
    for (const row of page) {
      await add(stored.map((_, i) => row[`c${i}`] ?? null));
      seen?.add(String(row[keyAt]));
    }
    total += page.length;
    if (page.length < pageRows) break;
  }
  await db.execute(sql.raw('close dump_rows'));
  // Then the files kept outside the database, in key order, except any the table had (a move cut short).
  if (files) {
    for (const info of await files.list()) {
      if (seen!.has(info.key)) continue;
      const bytes = await files.get(info.key);
      if (!bytes) continue;
      const text: Record<string, string> = {
        key: info.key,
        content_type: info.contentType,
        bytes: `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`,
        size: String(bytes.byteLength),
        created_at: timestamptzText(info.createdAt),
      };
      await add(
        stored.map((c) => {
          if (!(c.name in text)) throw new Error(`writeDump: ${FILES_TABLE}.${c.name} has no value for files outside the database`);
          return text[c.name]!;
        }),
      );
      total += 1;
    }
  }
  await flush();
  await write(`-- rows ${table.name}: ${total}\n`);
  return total;
}

/** A time as PostgreSQL writes a timestamptz under the dump settings (UTC, ISO): '2026-01-02 03:04:05.6+00'. */
export function timestamptzText(at: Date): string {
  const [day, time] = at.toISOString().slice(0, -1).split('T');
  return `${day} ${time!.replace(/0+$/, '').replace(/\.$/, '')}+00`;
}

// ------------------------------------------------------------------------------------------- restore

/** Splits dump text into lines for restoreDump. */
export function* linesOf(text: string): Iterable<string> {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      if (start < text.length) yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + 1;
  }
}

type Header = { format: number; level: MigrationLevel; tables: string[] };

function parseHeader(lines: string[]): Header {
  if (lines[0] !== DUMP_MAGIC) throw new RestoreRefusedError('This file is not a civic-portal dump (the first line is not the dump header).');
  const field = (name: string) => lines.find((l) => l.startsWith(`-- ${name}: `))?.slice(name.length + 5);
  const format = Number(field('format'));
  if (format !== FORMAT_VERSION) throw new RestoreRefusedError(`Unsupported dump format ${field('format')}: this version reads format ${FORMAT_VERSION}.`);
  const [count, last] = (field('migrations') ?? '').split(' ').map(Number);
  if (!Number.isInteger(count)) throw new RestoreRefusedError('The dump header has no migration level.');
  return { format, level: { count: count!, lastCreatedAt: last || null }, tables: (field('tables') ?? '').split(' ').filter(Boolean) };
}

const STATEMENT = /^(INSERT INTO "(?:[^"]|"")+" \(|SELECT pg_catalog\.setval\()/;

/**
 * Loads a dump into a database whose schema is already migrated (openDatabase does that), in one
 * transaction: nothing is written unless the whole file loads. Refuses when the target has data (unless
 * `force`, which first empties every table, audit log included), when the dump comes from a newer
 * migration level than the target, or when the file is damaged or cut short.
 */
export async function restoreDump(db: Db, lines: Iterable<string> | AsyncIterable<string>, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : (lines as Iterable<string>)[Symbol.iterator]()) as AsyncIterator<string> | Iterator<string>;
  const next = async () => (await iterator.next()) as IteratorResult<string>;

  // The header: comment lines up to the first blank line.
  const headerLines: string[] = [];
  for (let r = await next(); !r.done; r = await next()) {
    if (r.value.trim() === '') break;
    headerLines.push(r.value.replace(/\r$/, ''));
    if (headerLines.length > 50) break;
  }
  if (headerLines[0]) headerLines[0] = headerLines[0].replace(/^\uFEFF/, ''); // an editor may have added a BOM
  const header = parseHeader(headerLines);

  return db.transaction(async (t) => {
    const target = await migrationLevel(t);
    if (header.level.count > target.count || (header.level.lastCreatedAt ?? 0) > (target.lastCreatedAt ?? 0)) {
      throw new RestoreRefusedError(
        `The dump was written at migration level ${header.level.count}, newer than this database (level ${target.count}). ` +
          `Update the portal to the version that wrote the dump (or newer), then restore again.`,
      );
    }
    const tables = await describeTables(t);
    const known = new Set(tables.map((table) => table.name));
    const unknown = header.tables.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new RestoreRefusedError(`The dump has tables this database does not: ${unknown.join(', ')}.`);

    const filled: string[] = [];
    for (const table of tables) {
      const [r] = await rows<{ found: boolean }>(t, `select exists (select 1 from ${quoteIdent(table.name)}) as found`);
      if (r?.found) filled.push(table.name);
    }
    let wiped = false;
    if (filled.length > 0) {
      if (!options.force) {
        throw new RestoreRefusedError(
          `The target database is not empty (${filled.length} tables have rows, e.g. ${filled.slice(0, 5).join(', ')}). ` +
            `Restore into an empty database, or pass --force to delete ALL its data (audit log included) first.`,
        );
      }
      await wipe(t, tables);
      wiped = true;
    }

    await t.execute(sql.raw(`set local datestyle = 'ISO, YMD'`));
    await t.execute(sql.raw(`set local intervalstyle = 'postgres'`));
    let statement: string[] = [];
    let ended = false;
    let sequences = 0;
    const expected: Record<string, number> = {};
    for (let r = await next(); !r.done; r = await next()) {
      const line = r.value.replace(/\r$/, '');
      if (ended) {
        if (line.trim() !== '') throw new RestoreRefusedError('The dump has text after its end marker; it may have been edited or joined with another file.');
        continue;
      }
      if (statement.length === 0) {
        if (line === END_MARKER) {
          ended = true;
          continue;
        }
        const rowsLine = /^-- rows (\S+): (\d+)$/.exec(line);
        if (rowsLine) expected[rowsLine[1]!] = Number(rowsLine[2]);
        if (line.trim() === '' || line.startsWith('--')) continue;
        if (!STATEMENT.test(line)) throw new RestoreRefusedError(`Unexpected statement in the dump: ${line.slice(0, 80)}`);
      }
      statement.push(line);
      if (line.endsWith(';')) {
        const text = statement.join('\n');
        if (text.startsWith('SELECT')) sequences += 1;
        await t.execute(sql.raw(text));
        statement = [];
      }
    }
    if (!ended || statement.length > 0) throw new RestoreRefusedError('The dump is incomplete (no end marker): the file was cut short. Nothing was restored.');

    // Every table's row count must match what the dump says it wrote.
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [r] = await rows<{ n: number }>(t, `select count(*)::int as n from ${quoteIdent(table.name)}`);
      counts[table.name] = Number(r!.n);
      if (table.name in expected && expected[table.name] !== counts[table.name]) {
        throw new Error(`Restore check failed: ${table.name} has ${counts[table.name]} rows, the dump wrote ${expected[table.name]}`);
      }
    }
    return { level: header.level, tables: counts, sequences, wiped };
  });
}

/** Empties every table (for --force). The audit log's triggers refuse TRUNCATE, so they are switched off for it. */
async function wipe(db: Db, tables: TableInfo[]): Promise<void> {
  const guarded = await rows<{ table_name: string }>(
    db,
    `select distinct c.relname as table_name from pg_trigger g join pg_class c on c.oid = g.tgrelid
       join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not g.tgisinternal`,
  );
  for (const g of guarded) await db.execute(sql.raw(`alter table ${quoteIdent(g.table_name)} disable trigger user`));
  await db.execute(sql.raw(`truncate ${tables.map((table) => quoteIdent(table.name)).join(', ')} restart identity cascade`));
  for (const g of guarded) await db.execute(sql.raw(`alter table ${quoteIdent(g.table_name)} enable trigger user`));
}
