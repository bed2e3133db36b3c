// npm run bench: the processes under test (the production server, optionally nginx in front of it)
// and the memory sampler that watches them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { root } from '@/scripts/build-state';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** A child started in its own process group, so that stopping it also stops what it started. */
export class Managed {
  private exited: Promise<void>;
  exitCode: number | null = null;
  running = true;
  /** Runs once the process has stopped (nginx's temporary folder). */
  afterStop: (() => void) | null = null;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.running = false;
        this.exitCode = code ?? (signal ? 128 : 0);
        resolve();
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  logTail(): string {
    return tail(this.logFile);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.running) {
      try {
        process.kill(-this.pid, signal);
      } catch {
        // Already gone.
      }
      const stopped = await Promise.race([this.exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!stopped) {
        try {
          process.kill(-this.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await this.exited;
      }
    }
    this.afterStop?.();
    this.afterStop = null;
  }
}

function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Managed {
  // Appending: nginx writes its own error log into the same file.
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  return new Managed(name, child, logFile);
}

/** Polls `url` until it answers 200; fails with the process's log when it exits or takes too long. */
async function waitUntilReady(proc: Managed, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!proc.running) throw new Error(`${proc.name} exited (code ${proc.exitCode}) before it was ready. Its output:\n${proc.logTail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${proc.name} was not ready at ${url} within ${timeoutMs / 1000} s (${last}). Its output:\n${proc.logTail()}`);
}

async function readyOrStopped(proc: Managed, url: string, timeoutMs: number): Promise<void> {
  try {
    await waitUntilReady(proc, url, timeoutMs);
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

/** `scripts/start.ts --no-build` (the same start as `npm start`), answering on 127.0.0.1:port. */
export async function startServer(port: number, dbEnv: Record<string, string>, admin: { username: string; password: string }): Promise<Managed> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...dbEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The soak gives each simulated client an X-Forwarded-For address of its own; nginx (--proxy) is on loopback too.
    TRUST_PROXY: '127.0.0.1',
    ADMIN_USERNAME: admin.username,
    ADMIN_PASSWORD: admin.password,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  if (!dbEnv.DATABASE_URL) delete env.DATABASE_URL;
  const logFile = path.join(os.tmpdir(), `civic-portal-bench-server-${port}.log`);
  fs.rmSync(logFile, { force: true });
  // `node --import tsx` is what `npx tsx` runs, without the extra launcher processes.
  const server = launch('The server', process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], env, logFile);
  console.log(`Starting the production server on port ${port} (log: ${logFile})...`);
  await readyOrStopped(server, `http://127.0.0.1:${port}/api/health`, 300_000);
  return server;
}

// ---- memory ----------------------------------------------------------------------------------

export interface ProcessRss {
  pid: number;
  command: string;
  rssBytes: number;
}

/** Resident memory of every process in the process group `pgid`, read from /proc (Linux). */
function groupRss(pgid: number): ProcessRss[] {
  const found: ProcessRss[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state ppid pgrp ...
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ').slice(0, 80);
      if (kb) found.push({ pid: Number(entry), command, rssBytes: Number(kb) * 1024 });
    } catch {
      // The process ended while being read.
    }
  }
  return found;
}

/**
 * Samples the RSS of the server's whole process group (the start script and `next start`) every 200 ms:
 * `peak` over the whole run with its per-process breakdown, `windowPeak()` since the last call.
 */
export class RssSampler {
  peak = 0;
  peakProcesses: ProcessRss[] = [];
  private window = 0;
  private timer: NodeJS.Timeout | null = null;
  readonly supported = fs.existsSync('/proc/self/status');

  constructor(private readonly pgid: number) {}

  start(): void {
    if (!this.supported) return;
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  sample(): void {
    if (!this.supported) return;
    const processes = groupRss(this.pgid);
    const rss = processes.reduce((sum, p) => sum + p.rssBytes, 0);
    if (rss > this.peak) {
      this.peak = rss;
      this.peakProcesses = processes;
    }
    this.window = Math.max(this.window, rss);
  }

  windowPeak(): number {
    this.sample();
    const peak = this.window;
    this.window = 0;
    return peak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

// ---- nginx -----------------------------------------------------------------------------------

export const NGINX_TEMPLATE = path.join(root, 'deploy', 'nginx.conf');

export function nginxVersion(): string {
  const probe = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'nginx is not installed, so `npm run bench -- --proxy` cannot measure through it.\n' +
        'Install it (Debian/Ubuntu: apt-get install nginx-light; Alpine: apk add nginx) and run again, or run `npm run bench` without --proxy.',
    );
  }
  return (probe.stderr || probe.stdout).trim().replace(/^nginx version:\s*/, '');
}

/** deploy/nginx.conf with this run's ports and folders; every replaced line must exist in the template. */
export function benchNginxConfig(template: string, options: { port: number; upstreamPort: number; publicDir: string; workDir: string }): string {
  const replacements: [RegExp, string][] = [
    [/^(\s*)server 127\.0\.0\.1:3000;.*$/m, `$1server 127.0.0.1:${options.upstreamPort};`],
    [/^(\s*)listen 80;.*$/m, `$1listen 127.0.0.1:${options.port};`],
    [/^(\s*)listen \[::\]:80;.*$/m, ''],
    [/proxy_cache_path \/var\/cache\/nginx\/civic-portal /, `proxy_cache_path ${options.workDir}/cache `],
    [/^(\s*)root \/srv\/civic-portal\/public;.*$/m, `$1root ${options.publicDir};`],
    [/^(\s*)access_log \/var\/log\/nginx\/civic-portal\.access\.log.*$/m, '$1access_log off;'],
  ];
  let config = template;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(config)) throw new Error(`deploy/nginx.conf no longer contains ${pattern}: update benchNginxConfig in scripts/bench/server.ts`);
    config = config.replace(pattern, replacement);
  }
  const mimeTypes = fs.existsSync('/etc/nginx/mime.types')
    ? 'include /etc/nginx/mime.types;'
    : 'types { text/html html; text/css css; application/javascript js; application/json json; image/svg+xml svg; image/webp webp; image/png png; font/woff2 woff2; }';
  // The main context that /etc/nginx/nginx.conf gives the shipped file in production, kept minimal.
  return `worker_processes auto;
daemon off;
pid ${options.workDir}/nginx.pid;
error_log ${options.workDir}/error.log warn;
events { worker_connections 4096; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  client_body_temp_path ${options.workDir}/body;
  proxy_temp_path ${options.workDir}/proxy;
${config}
}
`;
}

/** nginx as a non-daemon child on `port`, in front of the server on `upstreamPort`. */
export async function startNginx(port: number, upstreamPort: number): Promise<Managed> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-portal-bench-nginx-'));
  // Workers run as an unprivileged user when nginx starts as root: they must reach the cache folder.
  fs.chmodSync(workDir, 0o755);
  const configFile = path.join(workDir, 'nginx.conf');
  const config = benchNginxConfig(fs.readFileSync(NGINX_TEMPLATE, 'utf8'), { port, upstreamPort, publicDir: path.join(root, 'public'), workDir });
  fs.writeFileSync(configFile, config);
  const args = ['-p', workDir, '-c', configFile, '-e', path.join(workDir, 'error.log')];
  const check = spawnSync('nginx', ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the configuration written from deploy/nginx.conf (${configFile}):\n${check.stderr}`);
  const nginx = launch('nginx', 'nginx', args, process.env, path.join(workDir, 'error.log'));
  nginx.afterStop = () => fs.rmSync(workDir, { recursive: true, force: true });
  console.log(`Starting nginx on port ${port} (config: ${configFile})...`);
  await readyOrStopped(nginx, `http://127.0.0.1:${port}/bench/static-baseline.html`, 20_000);
  return nginx;
}
