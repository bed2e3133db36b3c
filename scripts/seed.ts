// npm run db:seed: writes the demo data set into an empty database.
import { openDatabase } from '../db/client';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';
import { runScript } from './run-script';

runScript(async () => {
  const handle = await openDatabase();
  try {
    if (!(await isDatabaseEmpty(handle.db))) {
      console.error('The database already has content; the demo data is only written into an empty database.');
      console.error('Use a new DATA_DIR (or an empty PostgreSQL database) to start again.');
      return 1;
    }
    const started = Date.now();
    const summary = await seedDemo(handle.db);
    console.log(`Demo data written in ${Date.now() - started} ms (${handle.engine}):`, summary);
  } finally {
    await handle.close();
  }
});
