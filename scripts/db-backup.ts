// npm run db:backup [file | -]: a portable SQL dump of the database (PGlite under DATA_DIR, or
// DATABASE_URL), by default to backups/<UTC time>.sql; `-` writes to standard output. Uploaded images
// and citizens' attachments are in it too: PostgreSQL holds them in stored_files; with PGlite the files
// in DATA_DIR/uploads and DATA_DIR/private are written as rows of that table.
import fs from 'node:fs';
import path from 'node:path';
import { writeDump } from '../db/backup';
import { dataDir, openDatabase, type DbHandle } from '../db/client';
import { folderFileStore } from '../server/storage';
import { runScript } from './run-script';

function defaultFile(now: Date): string {
  return path.join('backups', `${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.sql`);
}

async function toStdout(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

/** PGlite keeps files in the folder; PostgreSQL's are rows of stored_files already. */
const filesOutside = (handle: DbHandle) => (handle.engine === 'pglite' ? folderFileStore(dataDir()) : undefined);

runScript(async () => {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const now = new Date();
  const handle = await openDatabase();
  try {
    if (arg === '-') {
      const summary = await writeDump(handle.db, toStdout, { now, files: filesOutside(handle) });
      console.error(`Dump written (${handle.engine}, migration level ${summary.level.count}, ${rowTotal(summary.tables)} rows).`);
      return;
    }
    const file = path.resolve(arg ?? defaultFile(now));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written beside the target and renamed at the end, so a failed backup never looks like a good one.
    const partial = `${file}.partial`;
    const fd = fs.openSync(partial, 'w', 0o600);
    try {
      const summary = await writeDump(handle.db, (text) => void fs.writeSync(fd, text), { now, files: filesOutside(handle) });
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(partial, file);
      console.log(`Backup written to ${path.relative(process.cwd(), file) || file} (${handle.engine}, migration level ${summary.level.count}, ${rowTotal(summary.tables)} rows in ${Object.keys(summary.tables).length} tables).`);
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(partial, { force: true });
      throw error;
    }
  } finally {
    await handle.close();
  }
});

function rowTotal(tables: Record<string, number>): number {
  return Object.values(tables).reduce((a, b) => a + b, 0);
}
