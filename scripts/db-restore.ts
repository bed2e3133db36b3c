// npm run db:restore <file> [--force]: loads a dump written by db:backup into the database (PGlite under
// DATA_DIR, or DATABASE_URL) of either engine. The target is migrated first and must be empty unless
// --force, which deletes all its data first. All or nothing: one transaction.
import fs from 'node:fs';
import readline from 'node:readline';
import { restoreDump, RestoreRefusedError } from '../db/backup';
import { openDatabase } from '../db/client';
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
        `${summary.wiped ? ' (existing data deleted first: --force)' : ''}. Restart the portal so that no cached page shows old data.`,
    );
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    console.error(`\nRestore refused: ${error.message}\nNothing was changed.\n`);
    return 1;
  } finally {
    await handle.close();
  }
});
