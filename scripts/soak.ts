// npm run soak [-- --seconds=120 --connections=100]: builds if needed, starts the production server on a
// fresh PGlite folder with the demo data (or on DATABASE_URL), and drives mixed traffic: page reads,
// searches and likes on 100 connections, plus a recommendation with a photo every second. Then it checks
// zero 5xx, flat memory, and that acknowledged likes and recommendations equal the rows added, prints a
// table and writes bench/results/soak-<time>.json. Exit code 1 when any check fails.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { openDatabase, type Db } from '../db/client';
import { goodPersonLikes, goodPersonRecommendations } from '../db/schema';
import { isDatabaseEmpty, seedDemo } from '../db/seed/demo';
import { freePort, RssSampler, startServer } from './bench/server';
import { buildIsCurrent, nextBin, root } from './build-state';
import { runScript } from './run-script';

const SEARCH_WORDS = ['诚信', '志愿服务', '江城', '好人', '食品', '文明实践', '孝老爱亲', '见义勇为'];
/** Shares of the connections' requests; recommendations run on their own one-per-second clock. */
const MIX = { page: 0.7, search: 0.15, like: 0.15 };
// 100 connections queue on a small machine: a request counts as failed only after a minute.
const REQUEST_TIMEOUT_MS = 60_000;
const MEMORY_GROWTH_LIMIT = 0.15;

type Kind = 'page' | 'search' | 'like' | 'recommend';
type Tally = { sent: number; byStatus: Record<string, number>; networkErrors: number; latencies: number[]; acknowledged: number; rateLimited: number; failedAnswers: number; otherAnswers: number };

function option(name: string, envName: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = Number(arg ?? process.env[envName] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} (${envName}) must be a positive whole number`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const median = (values: number[]) => (values.length === 0 ? 0 : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!);

async function rowCounts(db: Db) {
  const [likes] = await db.select({ n: count() }).from(goodPersonLikes);
  const [recommendations] = await db.select({ n: count() }).from(goodPersonRecommendations);
  return { likes: Number(likes!.n), recommendations: Number(recommendations!.n) };
}

/** The server action's id in this build (ids change with every build). */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  if (!found) throw new Error(`server action ${name} of ${file} is not in the build`);
  return found[0];
}

/** The state a form action answered, from its RSC payload (line 0 points at the line holding it). */
function actionState(payload: string): Record<string, unknown> | null {
  const lines = new Map(payload.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)] as const));
  try {
    const ref = /^\$@(\w+)$/.exec((JSON.parse(lines.get('0') ?? 'null') as { a?: string } | null)?.a ?? '')?.[1];
    return ref ? (JSON.parse(lines.get(ref)!) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A form action call as React's client makes it: `(previousState, formData)`, multipart, Next-Action header. */
function actionBody(fields: Record<string, string | Blob>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append('0', JSON.stringify([{}, '$K1']));
  return body;
}

runScript(async () => {
  const seconds = option('seconds', 'SOAK_SECONDS', 120);
  const connections = option('connections', 'SOAK_CONNECTIONS', 100);
  const startedAt = new Date();

  if (!buildIsCurrent()) {
    console.log('Building the production bundle (next build)...');
    if (spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('next build failed');
  }

  // The data: a fresh PGlite folder with the demo data, or the given PostgreSQL database.
  const url = process.env.DATABASE_URL;
  const dataDir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'civic-soak-'));
  const dbOptions = url ? { url } : { pgliteDir: path.join(dataDir!, 'pglite') };
  if (url) console.log('DATABASE_URL is set: the soak adds likes and recommendations to that database. Use a throw-away one.');
  const prepared = await openDatabase(dbOptions);
  let before: Awaited<ReturnType<typeof rowCounts>>;
  try {
    if (await isDatabaseEmpty(prepared.db)) await seedDemo(prepared.db);
    before = await rowCounts(prepared.db);
  } finally {
    await prepared.close();
  }

  const port = Number(process.env.SOAK_PORT) || (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const admin = { username: 'soak-admin', password: `Soak${randomBytes(12).toString('base64url')}9` };
  const server = await startServer(port, url ? { DATABASE_URL: url } : { DATA_DIR: dataDir! }, admin);
  const tallies: Record<Kind, Tally> = {
    page: newTally(),
    search: newTally(),
    like: newTally(),
    recommend: newTally(),
  };
  const likedBrowsers: string[] = [];
  const receipts: string[] = [];
  const memory: { second: number; rssMb: number }[] = [];
  let after: Awaited<ReturnType<typeof rowCounts>> = before;

  try {
    // What there is to read: links from the list pages.
    const grab = async (pagePath: string, pattern: RegExp) => [...new Set([...(await (await fetch(origin + pagePath)).text()).matchAll(pattern)].map((m) => m[1]!))];
    const articles = (await grab('/news', /href="(\/news\/(?!channel\/|tag\/)[^"?#]+)"/g)).slice(0, 30);
    const profileIds = (await grab('/good-people', /href="\/good-people\/(\d+)"/g)).slice(0, 30);
    const credit = [...(await grab('/credit/red', /href="(\/credit\/\d+)"/g)), ...(await grab('/credit/black', /href="(\/credit\/\d+)"/g))].slice(0, 30);
    if (articles.length === 0 || profileIds.length === 0 || credit.length === 0) throw new Error('found no articles, profiles or credit entries to read on the server');
    const pages = ['/', '/news', '/good-people', '/credit', '/credit/red', '/credit/black', ...articles, ...profileIds.map((id) => `/good-people/${id}`), ...credit];
    const likeAction = actionId('app/(public)/good-people/actions.ts', 'likeAction');
    const recommendAction = actionId('app/(public)/good-people/actions.ts', 'recommendAction');
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 60, b: 40 } } }).jpeg({ quality: 85 }).toBuffer();

    const timed = async (kind: Kind, run: () => Promise<Response>, answer?: (state: Record<string, unknown> | null) => void) => {
      const tally = tallies[kind];
      tally.sent += 1;
      const started = performance.now();
      try {
        const response = await run();
        const text = await response.text();
        tally.latencies.push(performance.now() - started);
        const status = `${Math.floor(response.status / 100)}xx`;
        tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
        if (answer && response.ok) answer(actionState(text));
      } catch {
        tally.networkErrors += 1;
      }
    };
    const classify = (tally: Tally, state: Record<string, unknown> | null) => {
      const message = String(state?.message ?? '');
      if (state?.ok === true) tally.acknowledged += 1;
      else if (message.includes('提交过于频繁')) tally.rateLimited += 1;
      else if (message.includes('失败')) tally.failedAnswers += 1;
      else tally.otherAnswers += 1;
    };

    const deadline = Date.now() + seconds * 1000;
    const sampler = new RssSampler(server.pid);
    sampler.start();
    const memoryTimer = setInterval(() => memory.push({ second: memory.length + 1, rssMb: Math.round(sampler.windowPeak() / 1048576) }), 1000);

    // Each connection is one simulated citizen at one address; every like comes from a new browser.
    const clients = Array.from({ length: connections }, async (_, n) => {
      const address = `10.201.${Math.floor(n / 250)}.${(n % 250) + 1}`;
      while (Date.now() < deadline) {
        const roll = Math.random();
        const headers = { 'X-Forwarded-For': address };
        const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
        if (roll < MIX.page) {
          await timed('page', () => fetch(origin + pick(pages), { headers, signal }));
        } else if (roll < MIX.page + MIX.search) {
          const word = encodeURIComponent(pick(SEARCH_WORDS));
          await timed('search', () => fetch(origin + (Math.random() < 0.5 ? `/search?q=${word}` : `/credit?q=${word}`), { headers, signal }));
        } else {
          const personId = pick(profileIds);
          const browser = randomBytes(16).toString('base64url');
          await timed(
            'like',
            () =>
              fetch(`${origin}/good-people/${personId}`, {
                method: 'POST',
                headers: { ...headers, 'Next-Action': likeAction, Origin: origin, Accept: 'text/x-component', Cookie: `gpv=${browser}` },
                body: actionBody({ personId }),
                signal,
              }),
            (state) => {
              classify(tallies.like, state);
              if (state?.ok === true) likedBrowsers.push(browser);
            },
          );
        }
      }
    });

    // One recommendation per second, each from its own address (the limit is 10 per address per hour).
    const recommendations = (async () => {
      for (let n = 0; Date.now() < deadline; n++) {
        const tick = sleep(1000);
        void timed(
          'recommend',
          () =>
            fetch(`${origin}/good-people/recommend`, {
              method: 'POST',
              headers: { 'X-Forwarded-For': `10.202.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`, 'Next-Action': recommendAction, Origin: origin, Accept: 'text/x-component' },
              body: actionBody({
                nomineeName: `王${'建明华丽'[n % 4]}${'国芳'[n % 2]}`,
                region: '江城市江南区白沙街道',
                category: '助人为乐',
                deed: `坚持十年义务照顾社区独居老人，每天上门送饭、打扫卫生，风雨无阻，邻里称赞（压力测试第${n}条）。`,
                story: '每天清晨，他都会提着热腾腾的饭菜敲开老人的家门。十年来从未间断。',
                recommenderName: '李四',
                recommenderPhone: `139${String(10_000_000 + n).slice(-8)}`,
                consent: 'on',
                photos: new File([new Uint8Array(photo)], `photo-${n}.jpg`, { type: 'image/jpeg' }),
              }),
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            }),
          (state) => {
            classify(tallies.recommend, state);
            if (state?.ok === true && typeof state.receiptNo === 'string') receipts.push(state.receiptNo);
          },
        );
        await tick;
      }
    })();

    const progress = setInterval(() => {
      const total = Object.values(tallies).reduce((sum, t) => sum + t.sent, 0);
      console.log(`  ${Math.max(0, Math.round((deadline - Date.now()) / 1000))} s left: ${total} requests, RSS ${memory.at(-1)?.rssMb ?? '?'} MB`);
    }, 15_000);
    await Promise.all([...clients, recommendations]);
    // Recommendations sent in the last second may still be running.
    while (tallies.recommend.sent > Object.values(tallies.recommend.byStatus).reduce((a, b) => a + b, 0) + tallies.recommend.networkErrors) await sleep(100);
    clearInterval(progress);
    clearInterval(memoryTimer);
    sampler.stop();
  } finally {
    await server.stop();
  }

  // What the database holds now (PGlite allows one process: the server has stopped).
  const check = await openDatabase(dbOptions);
  let ourLikes = 0;
  let ourRecommendations = 0;
  try {
    after = await rowCounts(check.db);
    const keys = likedBrowsers.map((b) => createHash('sha256').update(b).digest('hex'));
    for (let i = 0; i < keys.length; i += 1000) {
      const [r] = await check.db.select({ n: count() }).from(goodPersonLikes).where(inArray(goodPersonLikes.voterKey, keys.slice(i, i + 1000)));
      ourLikes += Number(r!.n);
    }
    if (receipts.length > 0) {
      const [r] = await check.db.select({ n: count() }).from(goodPersonRecommendations).where(inArray(goodPersonRecommendations.receiptNo, receipts));
      ourRecommendations = Number(r!.n);
    }
  } finally {
    await check.close();
  }
  if (dataDir && !process.env.SOAK_KEEP_DATA) fs.rmSync(dataDir, { recursive: true, force: true });

  return report({ startedAt, seconds, connections, engine: url ? 'postgres' : 'pglite', tallies, memory, before, after, ourLikes, ourRecommendations });
});

function newTally(): Tally {
  return { sent: 0, byStatus: {}, networkErrors: 0, latencies: [], acknowledged: 0, rateLimited: 0, failedAnswers: 0, otherAnswers: 0 };
}

type Outcome = {
  startedAt: Date;
  seconds: number;
  connections: number;
  engine: string;
  tallies: Record<Kind, Tally>;
  memory: { second: number; rssMb: number }[];
  before: { likes: number; recommendations: number };
  after: { likes: number; recommendations: number };
  ourLikes: number;
  ourRecommendations: number;
};

function report(o: Outcome): number {
  const rows = (Object.entries(o.tallies) as [Kind, Tally][]).map(([kind, t]) => {
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return {
      kind,
      sent: t.sent,
      '2xx': t.byStatus['2xx'] ?? 0,
      other: Object.entries(t.byStatus).filter(([s]) => s !== '2xx' && s !== '5xx').reduce((a, [, n]) => a + n, 0),
      '5xx': t.byStatus['5xx'] ?? 0,
      netErr: t.networkErrors,
      acked: kind === 'like' || kind === 'recommend' ? t.acknowledged : '',
      limited: kind === 'like' || kind === 'recommend' ? t.rateLimited : '',
      failed: kind === 'like' || kind === 'recommend' ? t.failedAnswers + t.otherAnswers : '',
      p50ms: Math.round(percentile(sorted, 50)),
      p95ms: Math.round(percentile(sorted, 95)),
      p99ms: Math.round(percentile(sorted, 99)),
    };
  });
  const total = rows.reduce((sum, r) => sum + r.sent, 0);
  const likes = o.tallies.like;
  const recs = o.tallies.recommend;

  // Flat memory: the median of the last quarter against the median of the second quarter (for 120 s:
  // seconds 91-120 against 31-60), after start-up and warm-up.
  const quarter = (q: number) => o.memory.filter((m) => m.second > (o.seconds * q) / 4 && m.second <= (o.seconds * (q + 1)) / 4).map((m) => m.rssMb);
  const middleMb = median(quarter(1));
  const lastMb = median(quarter(3));
  const growth = middleMb > 0 ? (lastMb - middleMb) / middleMb : 0;

  const checks = [
    { check: 'no 5xx answers', ok: rows.every((r) => r['5xx'] === 0), detail: `${rows.reduce((s, r) => s + r['5xx'], 0)} of ${total}` },
    { check: 'no network errors or timeouts', ok: rows.every((r) => r.netErr === 0), detail: `${rows.reduce((s, r) => s + r.netErr, 0)}` },
    { check: 'no failed action answers', ok: likes.failedAnswers + likes.otherAnswers + recs.failedAnswers + recs.otherAnswers === 0, detail: `likes ${likes.failedAnswers + likes.otherAnswers}, recommendations ${recs.failedAnswers + recs.otherAnswers}` },
    { check: 'acknowledged likes == like rows added', ok: likes.acknowledged === o.after.likes - o.before.likes && likes.acknowledged === o.ourLikes, detail: `${likes.acknowledged} acknowledged, ${o.after.likes - o.before.likes} rows added, ${o.ourLikes} with our browser ids` },
    { check: 'acknowledged recommendations == rows added', ok: recs.acknowledged === o.after.recommendations - o.before.recommendations && recs.acknowledged === o.ourRecommendations, detail: `${recs.acknowledged} acknowledged, ${o.after.recommendations - o.before.recommendations} rows added, ${o.ourRecommendations} with our receipt numbers` },
    { check: 'answers add up', ok: rows.every((r) => r.sent === r['2xx'] + r.other + r['5xx'] + r.netErr), detail: `${total} requests` },
    { check: `flat memory (growth <= ${MEMORY_GROWTH_LIMIT * 100}%)`, ok: growth <= MEMORY_GROWTH_LIMIT, detail: `median ${middleMb} MB in the 2nd quarter, ${lastMb} MB in the last: ${(growth * 100).toFixed(1)}%` },
    { check: 'rate-limited answers (explained: per-address limits)', ok: true, detail: `likes ${likes.rateLimited}, recommendations ${recs.rateLimited}` },
  ];

  console.log(`\nSoak: ${o.seconds} s, ${o.connections} connections + 1 recommendation per second, ${o.engine}; ${total} requests (${(total / o.seconds).toFixed(1)}/s)\n`);
  console.table(rows);
  console.log(`RSS of the server's processes, MB, one sample per second:\n${o.memory.map((m) => m.rssMb).join(' ')}\n`);
  for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.check}: ${c.detail}`);

  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `soak-${o.startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`);
  const json = { startedAt: o.startedAt.toISOString(), seconds: o.seconds, connections: o.connections, engine: o.engine, requests: rows, memoryMb: o.memory, before: o.before, after: o.after, checks };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
  return checks.every((c) => c.ok) ? 0 : 1;
}
