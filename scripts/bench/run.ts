// npm run bench [-- --proxy] [-- --small]: builds if needed, starts the production server on the scale
// data set (PGlite, or PostgreSQL with DATABASE_URL), measures every page kind against a static file
// served by the same server, and writes the figures to bench/results/. See README "Performance".
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, nextBin, root } from '@/scripts/build-state';
import { BENCH_ADMIN, prepareDataset, type Dataset, type Scale } from './dataset';
import { firstLoadJs, measure, signIn, type Measurement, type RunSettings, type Target } from './measure';
import { evaluate, FLOOR_PAGE, formatReport, LIMITS, writeResults } from './report';
import { freePort, nginxVersion, RssSampler, startNginx, startServer, type Managed } from './server';
import { runScript } from '@/scripts/run-script';

const STATIC_FILE = '/bench/static-baseline.html';
const PAGE_CONNECTIONS = 50;
const LOOKUP_CONNECTIONS = 10;
const ADMIN_CONNECTIONS = 10;

interface Options extends RunSettings {
  proxy: boolean;
  scale: Scale;
}

function numberOption(args: string[], name: string, envName: string, fallback: number): number {
  const arg = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = Number(arg ?? process.env[envName] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} (${envName}) must be a number of seconds`);
  return value;
}

function parseOptions(args: string[]): Options {
  const known = /^--(proxy|small|duration=.*|warmup=.*)$/;
  const unknown = args.filter((a) => !known.test(a));
  if (unknown.length > 0) throw new Error(`Unknown option ${unknown.join(' ')}. Usage: npm run bench -- [--proxy] [--small] [--duration=10] [--warmup=3]`);
  const small = args.includes('--small') || process.env.BENCH_SCALE === 'demo';
  return {
    proxy: args.includes('--proxy'),
    scale: small ? 'demo' : 'large',
    durationSeconds: numberOption(args, 'duration', 'BENCH_DURATION', 10),
    warmupSeconds: numberOption(args, 'warmup', 'BENCH_WARMUP', 3),
  };
}

/** The public page kinds, whose first-load JS is measured too (beside the floor: an empty page of the same build). */
function pageKinds(data: Dataset) {
  return [
    { page: 'home', path: '/' },
    { page: 'news list', path: '/news' },
    { page: 'article', path: data.articlePath },
    { page: 'good people', path: '/good-people' },
    { page: 'profile', path: data.profilePath },
    { page: 'black list', path: '/credit/black' },
    { page: 'credit lookup', path: `/credit?q=${encodeURIComponent(data.creditFragment)}` },
    { page: 'search', path: `/search?q=${encodeURIComponent('诚信')}` },
  ];
}

function targets(data: Dataset, cookie: string, nginxOrigin: string | null): Target[] {
  const pages = pageKinds(data).slice(0, 6);
  return [
    nginxOrigin
      ? { name: 'static (nginx)', kind: 'static', path: STATIC_FILE, connections: PAGE_CONNECTIONS, origin: nginxOrigin }
      : { name: 'static (Next)', kind: 'static', path: STATIC_FILE, connections: PAGE_CONNECTIONS },
    ...pages.map((p): Target => ({ name: p.page, kind: 'page', path: p.path, connections: PAGE_CONNECTIONS })),
    // The same empty page as the first-load JS floor, rendered for every request: what a look-up page is compared with.
    { name: 'floor per request', kind: 'floor', path: '/bench/floor?q=floor', connections: LOOKUP_CONNECTIONS },
    { name: 'credit lookup', kind: 'lookup', path: `/credit?q=${encodeURIComponent(data.creditFragment)}`, connections: LOOKUP_CONNECTIONS },
    { name: 'search 诚信', kind: 'lookup', path: `/search?q=${encodeURIComponent('诚信')}`, connections: LOOKUP_CONNECTIONS },
    { name: 'search 文明', kind: 'lookup', path: `/search?q=${encodeURIComponent('文明')}`, connections: LOOKUP_CONNECTIONS },
    // The ledger's uncached reads at scale: the list under the 超期 filter with its capped counts, and the
    // busiest unit's figures (one aggregate over its items).
    { name: 'ledger 超期', kind: 'lookup', path: '/ledger?overdue=1', connections: LOOKUP_CONNECTIONS },
    { name: 'unit page', kind: 'lookup', path: data.unitPath, connections: LOOKUP_CONNECTIONS },
    { name: 'admin credit list', kind: 'admin', path: '/admin/credit', connections: ADMIN_CONNECTIONS, cookie },
    { name: 'admin news list', kind: 'admin', path: '/admin/news', connections: ADMIN_CONNECTIONS, cookie },
  ];
}

function gitCommit(): string | null {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return null;
  }
}

function buildIfNeeded(): void {
  if (buildIsCurrent()) return;
  console.log('The production build is missing or older than the sources: running next build...');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('next build failed');
}

function progressLine(m: Measurement): string {
  const bad = m.non2xx + m.errors;
  const status = bad > 0 || m.requests === 0 ? `  <-- ${m.requests} completed, ${m.non2xx} non-2xx, ${m.errors} errors (${m.timeouts} timeouts); HTTP ${m.probe.status || 'none'} after the warm-up` : '';
  return `  ${m.name.padEnd(20)} ${String(m.reqPerSec).padStart(6)} req/s  p50 ${String(m.latencyMs.p50).padStart(4)} ms  p99 ${String(m.latencyMs.p99).padStart(5)} ms${status}`;
}

runScript(async () => {
  process.chdir(root);
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  // Before anything slow: --proxy without nginx is an error, never a silent skip.
  const nginx = options.proxy ? nginxVersion() : null;
  const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
  buildIfNeeded();
  let phase = Date.now();
  const data = await prepareDataset(options.scale);
  console.log(`Data ready in ${seconds(phase)}.`);

  const port = await freePort();
  const running: Managed[] = [];
  const stopAll = () => Promise.all(running.map((p) => p.stop()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server${options.proxy ? ' and nginx' : ''}...`);
      void stopAll().then(() => process.exit(130));
    });
  }

  const measurements: Measurement[] = [];
  let sampler: RssSampler | null = null;
  let js: Awaited<ReturnType<typeof firstLoadJs>> = [];
  try {
    phase = Date.now();
    const server = await startServer(port, data.env, BENCH_ADMIN);
    running.push(server);
    console.log(`Server ready in ${seconds(phase)}.`);
    sampler = new RssSampler(server.pid);
    sampler.start();
    const origin = `http://127.0.0.1:${port}`;
    const cookie = await signIn(origin, BENCH_ADMIN.username, BENCH_ADMIN.password, '/admin/credit');
    let nginxOrigin: string | null = null;
    if (options.proxy) {
      const nginxPort = await freePort();
      running.push(await startNginx(nginxPort, port));
      nginxOrigin = `http://127.0.0.1:${nginxPort}`;
    }

    js = await firstLoadJs(origin, [{ page: FLOOR_PAGE, path: '/bench/floor' }, ...pageKinds(data)]);
    const list = targets(data, cookie, nginxOrigin);
    const perTarget = options.warmupSeconds + options.durationSeconds;
    console.log(`\nMeasuring ${list.length} targets${nginxOrigin ? ' through nginx' : ''}: ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s each (about ${Math.ceil((list.length * perTarget) / 60)} min)`);
    const sample = sampler;
    for (const target of list) {
      measurements.push(await measure(nginxOrigin ?? origin, target, options, () => sample.windowPeak()));
      console.log(progressLine(measurements.at(-1)!));
      if (!server.running) throw new Error(`The server stopped during the bench (code ${server.exitCode}). Its output:\n${server.logTail()}`);
    }
  } finally {
    sampler?.stop();
    await stopAll();
  }

  const report = { measurements, firstLoadJs: js, peakRssBytes: sampler?.peak ?? 0, peakProcesses: sampler?.peakProcesses ?? [], engine: data.engine, proxy: options.proxy };
  const checks = evaluate(report);
  console.log(`\n${formatReport(report, checks)}`);
  const file = writeResults(path.join(root, 'bench', 'results'), startedAt, data.engine, options.proxy, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    engine: data.engine,
    proxy: options.proxy,
    nginx,
    dataset: { scale: data.scale, location: data.location, article: data.articlePath, profile: data.profilePath, creditFragment: data.creditFragment, unit: data.unitPath },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryBytes: os.totalmem(), node: process.version, platform: `${os.platform()} ${os.release()}` },
    commit: gitCommit(),
    settings: { durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, tool: 'autocannon 8, same machine' },
    limits: LIMITS,
    measurements,
    firstLoadJs: js,
    peakRssBytes: report.peakRssBytes,
    peakProcesses: report.peakProcesses,
    checks,
  });
  console.log(`\nResults written to ${path.relative(root, file)} (whole run ${seconds(startedAt.getTime())}).`);
  const broken = measurements.filter((m) => m.requests === 0 || m.non2xx + m.errors > 0 || m.probe.status < 200 || m.probe.status >= 300);
  if (broken.length > 0) {
    console.error(`\nBROKEN: ${broken.map((m) => m.name).join(', ')} answered with errors or non-2xx statuses; these figures do not measure working pages.`);
    return 1;
  }
  return 0;
});
