// Step of npm start (scripts/start.ts), in a process of its own so that the memory the database took
// while migrating and seeding is returned before the server starts: migrate, seed an empty database,
// create the bootstrap administrator, put stored files where this engine keeps them (server/storage-moves.ts),
// close cleanly (the server is then the only holder of PGlite).
import { openDatabase } from '../db/client';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';
import { ensureBootstrapAdmin } from '@/server/bootstrap';
import { seedDemoImages } from '@/server/demo-images';
import { settleStoredFiles } from '@/server/storage-moves';
import { runScript } from './run-script';

runScript(async () => {
  const handle = await openDatabase();
  try {
    if (await isDatabaseEmpty(handle.db)) {
      console.log('Empty database: writing the demo data...');
      console.log('Demo data:', await seedDemo(handle.db));
      console.log('Demo pictures:', await seedDemoImages(handle.db));
    }
    console.log(await ensureBootstrapAdmin(handle.db));
    const moved = await settleStoredFiles(handle);
    if (moved) console.log(moved);
  } finally {
    await handle.close();
  }
  console.log(`Database ready (${handle.engine}).`);
});
