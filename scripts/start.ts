// npm start: build when needed, migrate, seed an empty database, then serve (PORT, default 3000) through
// server/http/serve.ts: Next.js behind a small HTTP server that works out each client's address.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIsCurrent, nextBin, root } from './build-state';
import { runScript } from './run-script';

runScript(async () => {
  if (!process.argv.includes('--no-build') && !buildIsCurrent()) {
    console.log('Building the production bundle (next build)...');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }

  // Migrate and seed in a child process (scripts/prepare-db.ts): this launcher stays small while the
  // server runs, and the server is the only process holding the data folder.
  const prepare = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'prepare-db.ts')], { cwd: root, stdio: 'inherit' });
  if (prepare.status !== 0) throw new Error('preparing the database failed');

  // Next's data cache lives in .next/cache and outlives the process; it may hold rows of another
  // database (a new DATA_DIR, a restored backup). It is only an optimisation, so start without it.
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });

  // next-auth builds its URLs from the request's Host unless NEXTAUTH_URL names the public address.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: process.env.PORT || '3000',
    NODE_ENV: 'production',
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? (process.env.NEXTAUTH_URL ? '' : 'true'),
  };
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'http', 'serve.ts')], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  return new Promise<number>((resolve) => server.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
});
