// Durability: a production server of its own (not the shared test server) is killed with SIGKILL in the
// middle of a 20,000-row credit import while a burst of citizens' likes is under way, then restarted on
// the same data. Proven: every acknowledged like is stored (and nothing but acknowledged or in-flight
// ones), like counters match the stored likes, the import is all or nothing (entries and its audit
// record together), and on PGlite the restart takes over the dead server's folder lock.
// Runs on PGlite, or on a fresh database of the PostgreSQL cluster when E2E_DATABASE_URL is set.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Client } from 'pg';
import { openDatabase, type DbHandle } from '../db/client';
import { auditLog, creditEntries, goodPeople, goodPersonLikes } from '../db/schema';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../lib/credit-code';
import { newVisitorId, signVisitorId, visitorKeyFromSecret, visitorStoredKey } from '../lib/visitor-signature';
import { ADMIN } from './fixtures';

const ROOT = process.cwd();
const PORT = Number(process.env.DURABILITY_PORT || 3241);
const BASE = `http://127.0.0.1:${PORT}`;
const IMPORT_ROWS = 20_000;
const LIKE_WORKERS = 16;
const PG_ADMIN_URL = process.env.E2E_DATABASE_URL;
const ENGINE = PG_ADMIN_URL ? 'postgres' : 'pglite';

// ---------------------------------------------------------------------------------------- the server

class Server {
  private output: string[] = [];
  readonly exited: Promise<void>;
  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n'));
      if (this.output.length > 300) this.output.splice(0, this.output.length - 300);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.on('exit', () => resolve()));
  }

  /** `tsx scripts/start.ts --no-build` in a process group of its own, so a signal reaches `next start` too. */
  static start(env: Record<string, string>): Server {
    // Playwright's loader options must not reach the server's node processes.
    const inherited: NodeJS.ProcessEnv = { ...process.env };
    delete inherited.NODE_OPTIONS;
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--no-build'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // TRUST_PROXY: the likes come from many X-Forwarded-For addresses (the test plays the proxy).
      env: { ...inherited, HOST: '127.0.0.1', PORT: String(PORT), TRUST_PROXY: '127.0.0.1', ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, ...env },
    });
    return new Server(child);
  }

  get log(): string {
    return this.output.join('\n');
  }

  /** Signals the whole group: start.ts and the `next start` child that holds the database. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    try {
      process.kill(-this.child.pid!, signal);
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => signal === 'SIGTERM' && this.stop('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
    // start.ts may exit before its child: wait until nothing of the group is left.
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(-this.child.pid!, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(`${BASE}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${this.log}`);
  }
}

// ------------------------------------------------------------------------- HTTP: cookies and actions

class CookieJar {
  private cookies = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.cookies.set(k, v);
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

type ActionManifest = { node: Record<string, { filename: string; exportedName: string }> };
let manifest: ActionManifest | null = null;

/** A server action's id, from the build's manifest (the ids change with every build). */
function actionId(file: string, name: string): string {
  manifest ??= JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as ActionManifest;
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`server action ${name} of ${file} is not in the build`);
  return found[0];
}

type ActionAnswer = { status: number; redirect: string | null; state: Record<string, unknown> | null };

/** Calls a form action `(previousState, formData)` the way React's client does (multipart body, Next-Action header). */
async function callAction(pagePath: string, id: string, fields: Record<string, string | Blob>, jar: CookieJar, headers: Record<string, string> = {}): Promise<ActionAnswer> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append('0', JSON.stringify([{}, '$K1']));
  const response = await fetch(BASE + pagePath, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': id, Origin: BASE, Accept: 'text/x-component', Cookie: jar.header, ...headers },
    body,
  });
  jar.take(response);
  const text = await response.text();
  const lines = new Map(text.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)] as const));
  let state: Record<string, unknown> | null = null;
  try {
    const ref = /^\$@(\w+)$/.exec((JSON.parse(lines.get('0') ?? 'null') as { a?: string } | null)?.a ?? '')?.[1];
    if (ref) state = JSON.parse(lines.get(ref)!) as Record<string, unknown>;
  } catch {
    state = null;
  }
  return { status: response.status, redirect: response.headers.get('x-action-redirect'), state };
}

async function signIn(username: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: jar.header, 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  jar.take(response);
  expect(jar.header).toContain('next-auth.session-token=');
  return jar;
}

// ------------------------------------------------------------------------------------------ the data

function creditCode(n: number): string {
  let body = '';
  for (let rest = n; body.length < 9; rest = Math.floor(rest / 31)) body = CREDIT_CODE_ALPHABET[rest % 31] + body;
  body = `91420100${body}`;
  return body + creditCodeCheckChar(body)!;
}

function importCsv(tag: string, rows: number): Blob {
  const header = '名单(红榜/黑榜),类别,主体类型,名称,统一社会信用代码,法定代表人,身份证号,列入事由,涉及金额,认定部门,认定依据文号,决定日期,列入日期,公示截止日期,调整原因';
  const seed = Number.parseInt(tag, 36) % 1_000_000;
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    lines.push(`红榜,诚信经营企业,法人企业,江城耐久${tag}第${i}号有限公司,${creditCode(seed * 100_000 + i)},李某,,连续三年依法纳税，无不良信用记录，获评诚信经营企业。,,江城市税务局,江税发〔2026〕${tag}-${i}号,2026-11-01,2026-11-10,,`);
  }
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv' });
}

// The server of this spec runs with a known secret, so the spec can sign visitor ids as the portal does
// (lib/visitor-signature.ts) and know each like's voter_key before its answer arrives (or never does).
const SERVER_SECRET = 'durability-spec-secret-not-for-production';
const VISITOR_KEY = visitorKeyFromSecret(SERVER_SECRET);
const newBrowserId = newVisitorId;
const visitorCookie = (browserId: string) => new CookieJar({ visitor: signVisitorId(browserId, VISITOR_KEY) });
const voterKey = visitorStoredKey;

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : (fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0);
  }
  return total;
}

// ----------------------------------------------------------------------------------------- the test

test(`SIGKILL during a bulk import and a burst of likes loses nothing committed (${ENGINE})`, async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-durable-'));
  let databaseUrl = '';
  let dropDatabase = async () => {};
  if (PG_ADMIN_URL) {
    const name = `civic_durable_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SERVER_SECRET };
  const servers: Server[] = [];
  let inspector: DbHandle | null = null;

  try {
    // 1. A fresh server with the demo data.
    const first = Server.start(env);
    servers.push(first);
    await first.waitHealthy(150_000);

    const admin = await signIn(ADMIN.username, ADMIN.password);
    const creditActions = (area: string) => `app/(admin)/admin/credit/${area}/actions.ts`;
    const tag = Date.now().toString(36);
    const created = await callAction('/admin/credit/batches', actionId(creditActions('batches'), 'createCreditBatch'), { title: `2026年耐久测试第${tag}期` }, admin);
    const batchId = Number(/\/admin\/credit\/batches\/(\d+)/.exec(created.redirect ?? '')?.[1]);
    expect(batchId, `createCreditBatch answered ${JSON.stringify(created)}`).toBeGreaterThan(0);

    const previewStarted = Date.now();
    const previewed = await callAction('/admin/credit/import', actionId(creditActions('import'), 'previewCreditImport'), { batchId: String(batchId), file: new File([importCsv(tag, IMPORT_ROWS)], 'durable.csv', { type: 'text/csv' }) }, admin);
    const previewMs = Date.now() - previewStarted;
    const report = previewed.state?.report as { newCount: number; problems: unknown[] } | undefined;
    expect(report?.newCount, JSON.stringify(previewed.state).slice(0, 500)).toBe(IMPORT_ROWS);
    const token = String(previewed.state!.token);

    // 2. People to like: published profiles from the list page; a first like per person gives its count.
    const listing = await (await fetch(`${BASE}/good-people`)).text();
    const personIds = [...new Set([...listing.matchAll(/href="\/good-people\/(\d+)"/g)].map((m) => Number(m[1])))].slice(0, 6);
    expect(personIds.length).toBeGreaterThanOrEqual(3);
    const likeId = actionId('app/(public)/good-people/actions.ts', 'likeAction');
    const acknowledged = new Map<string, number>(); // browser id -> person
    const inFlight = new Map<string, number>();
    const refused: string[] = [];
    const baseline = new Map<number, number>();
    let address = 0;
    const like = async (personId: number) => {
      const browser = newBrowserId();
      inFlight.set(browser, personId);
      address += 1;
      const answer = await callAction(`/good-people/${personId}`, likeId, { personId: String(personId) }, visitorCookie(browser), {
        'X-Forwarded-For': `10.77.${Math.floor(address / 250) % 250}.${(address % 250) + 1}`,
      });
      inFlight.delete(browser);
      if (answer.state?.ok === true) acknowledged.set(browser, personId);
      else refused.push(`${answer.status} ${JSON.stringify(answer.state)}`);
      return answer.state;
    };
    for (const personId of personIds) {
      const state = await like(personId);
      expect(state?.ok, `like of person ${personId}: ${JSON.stringify(state)}`).toBe(true);
      baseline.set(personId, Number(state!.likeCount) - 1);
    }

    // 3. The burst of likes, then the import; SIGKILL once the import is writing its rows.
    let bursting = true;
    const burst = Array.from({ length: LIKE_WORKERS }, async (_, worker) => {
      for (let n = worker; bursting; n++) {
        await like(personIds[n % personIds.length]!).catch(() => undefined); // the kill cuts requests off
      }
    });
    const warmUntil = Date.now() + 60_000;
    while (acknowledged.size < personIds.length + 40 && refused.length === 0 && Date.now() < warmUntil) await new Promise((r) => setTimeout(r, 50));
    expect(refused, 'likes refused during the burst').toEqual([]);

    const pgliteBase = path.join(dataDir, 'pglite', 'base');
    const sizeBefore = ENGINE === 'pglite' ? dirBytes(pgliteBase) : 0;
    const watcher = PG_ADMIN_URL ? new Client({ connectionString: databaseUrl }) : null;
    await watcher?.connect();
    let confirmAnswered = false;
    const confirmStarted = Date.now();
    const confirm = callAction('/admin/credit/import', actionId(creditActions('import'), 'confirmCreditImport'), { batchId: String(batchId), token, fileName: 'durable.csv' }, admin).then(
      (answer) => {
        confirmAnswered = true;
        return answer;
      },
      () => null,
    );
    // Evidence that the import transaction is writing: PostgreSQL shows the INSERT in pg_stat_activity;
    // PGlite's table files grow on disk (new pages are written as the relation extends, before commit).
    let writing = false;
    const deadline = confirmStarted + Math.max(60_000, previewMs * 8);
    while (!writing && !confirmAnswered && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      if (watcher) {
        // A transaction id is assigned at its first write: the import has inserted rows and not committed.
        const { rows } = await watcher.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and backend_xid is not null and query ~* 'insert\\s+into\\s+"?credit_entries"?'`,
        );
        writing = rows[0].n > 0;
      } else {
        writing = dirBytes(pgliteBase) - sizeBefore > 4 * 1024 * 1024;
      }
    }
    await watcher?.end();
    // PGlite: let it write a little more, so the kill lands well inside the transaction. (PostgreSQL
    // writes the whole import in a few seconds: kill at once.)
    if (!watcher) await new Promise((r) => setTimeout(r, 500));
    bursting = false;
    const killedAfterMs = Date.now() - confirmStarted;
    const inFlightAtKill = new Map(inFlight);
    const acknowledgedAtKill = new Map(acknowledged);
    await first.stop('SIGKILL');
    await Promise.all(burst);
    await confirm;
    expect(writing, `the import was not seen writing before the deadline (confirm answered: ${confirmAnswered})`).toBe(true);
    expect(confirmAnswered, 'the import finished before the kill: nothing was proven').toBe(false);
    expect(refused, 'likes refused before the kill').toEqual([]);
    console.log(`${ENGINE}: killed ${killedAfterMs} ms into the import (preview took ${previewMs} ms); ${acknowledgedAtKill.size} likes acknowledged, ${inFlightAtKill.size} in flight`);

    // 4. The dead server left its lock behind (PGlite); the restart must take it over.
    const lockPath = path.join(dataDir, 'pglite.lock');
    if (ENGINE === 'pglite') {
      const stale = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
      expect(() => process.kill(stale.pid, 0)).toThrow();
    }
    const second = Server.start(env);
    servers.push(second);
    await second.waitHealthy(90_000);
    if (ENGINE === 'pglite') {
      const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
      expect(() => process.kill(lock.pid, 0)).not.toThrow();
    }
    // The restarted server works: a like by a new browser is acknowledged.
    const after = await like(personIds[0]!);
    expect(after?.ok).toBe(true);

    // 5. What is stored.
    if (ENGINE === 'pglite') await second.stop('SIGTERM'); // PGlite: one process per folder
    inspector = await openDatabase(ENGINE === 'pglite' ? { pgliteDir: path.join(dataDir, 'pglite') } : { url: databaseUrl });
    const db = inspector.db;

    const ours = [...acknowledged.keys(), ...inFlightAtKill.keys()].map(voterKey);
    const stored = new Set((await db.select({ voterKey: goodPersonLikes.voterKey }).from(goodPersonLikes).where(inArray(goodPersonLikes.voterKey, ours))).map((r) => r.voterKey));
    const lost = [...acknowledged.keys()].filter((b) => !stored.has(voterKey(b)));
    expect(lost, 'acknowledged likes missing after the restart').toEqual([]);
    const extra = [...stored].filter((k) => ![...acknowledged.keys(), ...inFlightAtKill.keys()].some((b) => voterKey(b) === k));
    expect(extra).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size);
    expect(stored.size).toBeLessThanOrEqual(acknowledged.size + inFlightAtKill.size);

    // Like counters moved exactly as many likes as were stored.
    for (const personId of personIds) {
      const [person] = await db.select({ likeCount: goodPeople.likeCount }).from(goodPeople).where(eq(goodPeople.id, personId));
      const [rows] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(goodPersonLikes)
        .where(and(eq(goodPersonLikes.personId, personId), inArray(goodPersonLikes.voterKey, ours)));
      expect(person!.likeCount - baseline.get(personId)!, `like_count of person ${personId}`).toBe(Number(rows!.n));
    }

    // The import: all rows and its audit record, or neither.
    const [entries] = await db.select({ n: sql<number>`count(*)::int` }).from(creditEntries).where(eq(creditEntries.batchId, batchId));
    const [audits] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'credit.import'), eq(auditLog.entityId, String(batchId))));
    const imported = Number(entries!.n);
    expect([0, IMPORT_ROWS]).toContain(imported);
    expect(Number(audits!.n)).toBe(imported === 0 ? 0 : 1);
    console.log(`${ENGINE}: after restart ${stored.size} of our likes stored (${acknowledged.size} acknowledged), import rows ${imported}`);
  } catch (error) {
    for (const server of servers) console.log(`--- server output ---\n${server.log}`);
    throw error;
  } finally {
    await inspector?.close();
    for (const server of servers) await server.stop('SIGKILL');
    await dropDatabase().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
