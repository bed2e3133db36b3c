// npm run db:seed: writes the demo data set into an empty database; `-- --scale large` adds the scale
// data set (100,000 articles, 50,000 good people, 1,000,000 credit entries) for benchmarks.
import { openDatabase } from '../db/client';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';
import { seedDemoImages } from '../server/demo-images';
import { ScaleRefusedError, SCALES, seedScale, type ScaleName } from '../db/seed/scale';
import { runScript } from './run-script';

const USAGE = `Usage: npm run db:seed                  demo data into an empty database
       npm run db:seed -- --scale large   demo data (if empty) plus ${SCALES.large.articles.toLocaleString('en')} articles, ${SCALES.large.people.toLocaleString('en')} good people, ${SCALES.large.credit.toLocaleString('en')} credit entries, ${SCALES.large.issues.toLocaleString('en')} ledger items
       npm run db:seed -- --scale ledger  demo data (if empty) plus the ${SCALES.ledger.issues.toLocaleString('en')} ledger items alone
Target: DATA_DIR (PGlite, default ./data) or DATABASE_URL (PostgreSQL).`;

/** null: plain demo seed; a scale name; or 'usage' for anything else. */
function parseArgs(args: string[]): ScaleName | null | 'usage' {
  if (args.length === 0) return null;
  const flag = args[0] === '--scale' ? args[1] : args[0]?.startsWith('--scale=') ? args[0].slice('--scale='.length) : undefined;
  const rest = args[0] === '--scale' ? args.slice(2) : args.slice(1);
  if (!flag || rest.length > 0 || !(flag in SCALES)) return 'usage';
  return flag as ScaleName;
}

runScript(async () => {
  const scale = parseArgs(process.argv.slice(2));
  if (scale === 'usage') {
    console.error(USAGE);
    return 1;
  }
  const handle = await openDatabase();
  try {
    if (scale) {
      console.log(`Writing the ${scale} scale data set (${handle.engine})`);
      try {
        const summary = await seedScale(handle.db, handle.engine, { sizes: SCALES[scale], log: (line) => console.log(line) });
        console.log(`Scale data written in ${summary.seconds} s (${handle.engine}):`, summary);
        return 0;
      } catch (error) {
        if (!(error instanceof ScaleRefusedError)) throw error;
        console.error(error.message);
        return 1;
      }
    }
    if (!(await isDatabaseEmpty(handle.db))) {
      console.error('The database already has content; the demo data is only written into an empty database.');
      console.error('Use a new DATA_DIR (or an empty PostgreSQL database) to start again.');
      return 1;
    }
    const started = Date.now();
    const summary = await seedDemo(handle.db);
    const pictures = await seedDemoImages(handle.db);
    console.log(`Demo data written in ${Date.now() - started} ms (${handle.engine}):`, summary, pictures);
  } finally {
    await handle.close();
  }
});
