// The one database handle: PGlite under DATA_DIR by default, node-postgres when DATABASE_URL is set.
// Opened lazily on first query, so `next build` never touches the data directory.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import * as schema from './schema';
import { acquireDirLock } from './lock';

/** What both drivers' raw results have in common: `db.execute()` gives `{ rows }` on PGlite and pg alike. */
type RowsResult<Row> = { rows: Row[] };
export interface RowsResultHKT extends PgQueryResultHKT {
  type: RowsResult<this['row']>;
}
export type Db = PgDatabase<RowsResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  url?: string;
  /** PGlite folder, or 'memory://' for a throw-away in-memory database. */
  pgliteDir?: string;
  /**
   * With pgliteDir 'memory://': start from this dump of a data folder (`dumpMigratedPglite()`) instead of
   * running initdb, which is most of the cost of a new in-memory database (seconds of WASM).
   */
  pgliteFrom?: Blob;
}

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
// Serialises migrations of several instances sharing one PostgreSQL.
const MIGRATION_LOCK_KEY = 715_300_201;

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || 'data');
}

export function defaultOpenOptions(): OpenOptions {
  const url = process.env.DATABASE_URL;
  return url ? { url } : { pgliteDir: path.join(dataDir(), 'pglite') };
}

// PGlite converts bytea byte by byte (seconds per megabyte); Buffer's hex codec does the same at once.
// Files live in bytea (db/schema/storage.ts): restores into PGlite pass through it.
const BYTEA = 17;
const byteaCodec = {
  serializers: { [BYTEA]: (value: unknown) => (value instanceof Uint8Array ? `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}` : String(value)) },
  parsers: { [BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex') },
};

function newPglite(dir: string, loadDataDir?: Blob): PGlite {
  return new PGlite(dir, { extensions: { pg_trgm }, ...byteaCodec, ...(loadDataDir ? { loadDataDir } : {}) });
}

/**
 * An in-memory database migrated to the current schema, dumped as a tar: the integration suites start
 * each test file's databases from it (`pgliteFrom`) instead of creating and migrating a new one.
 */
export async function dumpMigratedPglite(): Promise<Blob> {
  const client = newPglite('memory://');
  try {
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

/**
 * A brand-new PGlite folder killed during creation can come back without its tables, so a new
 * database is built and migrated in a side folder, closed cleanly, then renamed into place.
 */
async function createPgliteDir(dir: string): Promise<void> {
  const building = `${dir}.creating`;
  fs.rmSync(building, { recursive: true, force: true });
  const client = newPglite(building);
  await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
  await client.close();
  fs.renameSync(building, dir);
}

async function openPglite(dir: string, from?: Blob): Promise<DbHandle> {
  if (dir.startsWith('memory://')) {
    const client = newPglite(dir, from);
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    return { db, engine: 'pglite', close: () => client.close() };
  }
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquireDirLock(dir);
  try {
    if (!fs.existsSync(dir)) await createPgliteDir(dir);
    const client = newPglite(dir);
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db,
      engine: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX || 10) });
  // An idle connection that the server drops (restart, failover, admin termination) must not crash the
  // process: the pool discards it and the next query opens a new one.
  pool.on('error', (error) => console.error('database: idle connection lost:', error.message));
  const db = drizzlePg(pool, { schema });
  const conn = await pool.connect();
  try {
    await conn.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(conn, { schema }), { migrationsFolder });
  } finally {
    await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    conn.release();
  }
  return { db: db, engine: 'postgres', close: () => pool.end() };
}

/** Opens a database and brings its schema up to date. Tests and scripts use this directly. */
export async function openDatabase(options: OpenOptions = defaultOpenOptions()): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url);
  if (!options.pgliteDir) throw new Error('openDatabase needs a url or a pgliteDir');
  if (options.pgliteFrom && !options.pgliteDir.startsWith('memory://')) throw new Error('pgliteFrom starts in-memory databases only');
  return openPglite(options.pgliteDir, options.pgliteFrom);
}

// Kept on globalThis so that module reloads (dev server) share one handle per process.
const holder = globalThis as unknown as { __civicDb?: Promise<DbHandle> };

/** The process-wide handle, opened (and migrated) on first use. */
export function getHandle(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // Several build workers would open one PGlite folder at once; pages must render at request time.
    throw new Error('The database must not be opened during next build: render this page dynamically');
  }
  if (!holder.__civicDb) {
    const options = defaultOpenOptions();
    holder.__civicDb = openDatabase(options).catch((error) => {
      holder.__civicDb = undefined;
      throw error;
    });
  }
  return holder.__civicDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function closeDb(): Promise<void> {
  const pending = holder.__civicDb;
  holder.__civicDb = undefined;
  if (pending) await (await pending).close();
}

/** Liveness of the database for /api/health. */
export async function pingDatabase(): Promise<{ engine: Engine; latencyMs: number }> {
  const started = performance.now();
  const handle = await getHandle();
  await handle.db.execute(sql`select 1`);
  return { engine: handle.engine, latencyMs: Math.round(performance.now() - started) };
}
