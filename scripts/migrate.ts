// npm run db:migrate: brings the database (PGlite under DATA_DIR, or DATABASE_URL) up to date.
import { openDatabase } from '../db/client';
import { runScript } from './run-script';

runScript(async () => {
  const handle = await openDatabase();
  await handle.close();
  console.log(`Database schema is up to date (${handle.engine}).`);
});
