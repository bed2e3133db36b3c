// npm start: build when needed, migrate, seed an empty database, then serve (PORT, default 3000).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';
import { ensureBootstrapAdmin } from '../lib/bootstrap';
import { runScript } from './run-script';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const SOURCES = ['app', 'db', 'lib', 'public', 'next.config.js', 'postcss.config.mjs', 'package.json', 'package-lock.json'];

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

runScript(async () => {
  if (!process.argv.includes('--no-build') && !buildIsCurrent()) {
    console.log('Building the production bundle (next build)...');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }

  // Migrate and seed, then close cleanly so the server is the only process holding the data folder.
  const handle = await openDatabase();
  try {
    if (await isDatabaseEmpty(handle.db)) {
      console.log('Empty database: writing the demo data...');
      console.log('Demo data:', await seedDemo(handle.db));
    }
    console.log(await ensureBootstrapAdmin(handle.db));
  } finally {
    await handle.close();
  }
  console.log(`Database ready (${handle.engine}).`);

  // Next's data cache lives in .next/cache and outlives the process; it may hold rows of another
  // database (a new DATA_DIR, a restored backup). It is only an optimisation, so start without it.
  fs.rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true });

  const port = process.env.PORT || '3000';
  const args = [nextBin, 'start', '-p', port];
  if (process.env.HOST) args.push('-H', process.env.HOST);
  // next-auth builds its URLs from the request's Host unless NEXTAUTH_URL names the public address.
  const env = { ...process.env, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? (process.env.NEXTAUTH_URL ? '' : 'true') };
  const server = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  return new Promise<number>((resolve) => server.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
});
