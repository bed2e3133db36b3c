// Fresh, isolated databases for integration tests, on the engine the Vitest project names.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Client } from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '@/db/client';

export const engine: 'pglite' | 'postgres' = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';

async function adminQuery(sql: string): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL integration tests need a server (npm test starts one)');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A new empty database in the test cluster (PostgreSQL only), dropped by drop(). */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

let template: Blob | undefined;

/** A new empty, migrated in-memory PGlite database, started from the run's template (pglite-template.ts). */
export function freshPglite(): Promise<DbHandle> {
  template ??= new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ pgliteDir: 'memory://', pgliteFrom: template });
}

/** A new empty, migrated database: in-memory PGlite, or a new database in the test cluster. */
export async function freshDatabase(): Promise<DbHandle> {
  if (engine === 'pglite') return freshPglite();
  const { url, drop } = await freshPostgresUrl();
  const handle = await openDatabase({ url });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
