// npm run db:restore <file> [--force]: loads a dump written by db:backup into the database (PGlite under
// DATA_DIR, or DATABASE_URL) of either engine. The target is migrated first and must be empty unless
// --force, which deletes all its data first. All or nothing: one transaction. Files come as rows of
// stored_files: PostgreSQL keeps them there; into PGlite they are then moved to DATA_DIR/uploads and
// DATA_DIR/private (with --force, the folder's other files are deleted, as the rows were).
import fs from 'node:fs';
import readline from 'node:readline';
import { restoreDump, RestoreRefusedError } from '../db/backup';
import { dataDir, openDatabase } from '../db/client';
import { folderFileStore } from '../server/storage';
import { moveDatabaseIntoFolder } from '../server/storage-moves';
import { runScript } from './run-script';

runScript(async () => {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Usage: npm run db:restore -- <dump.sql> [--force]');
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 1;
  }
  const handle = await openDatabase();
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const summary = await restoreDump(handle.db, lines, { force });
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Restored ${rows} rows in ${Object.keys(summary.tables).length} tables and ${summary.sequences} sequences into ${handle.engine}` +
        `${summary.wiped ? ' (existing data deleted first: --force)' : ''}.`,
    );
    if (handle.engine === 'pglite') {
      const files = await moveDatabaseIntoFolder(handle.db, folderFileStore(dataDir()), { replace: summary.wiped });
      console.log(`Wrote ${files.moved} files to ${dataDir()}${files.removed > 0 ? ` and deleted ${files.removed} files the backup does not have` : ''}.`);
      for (const line of files.skipped) console.warn(`Not a file name, left in the database: ${line}`);
    }
    console.log('Restart the portal so that no cached page shows old data.');
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    console.error(`\nRestore refused: ${error.message}\nNothing was changed.\n`);
    return 1;
  } finally {
    await handle.close();
  }
});
