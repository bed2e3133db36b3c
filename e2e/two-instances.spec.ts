// Two `next start` instances on one PostgreSQL (the PostgreSQL pass of npm test only, see
// playwright.config.ts): an article published through one is on the other's cached pages at once,
// rate limits and like counts are one, not one per process, and an image uploaded through one is
// served by the other (files live in PostgreSQL, not on either machine's disk) and by a database
// restored from a backup.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { Client } from 'pg';
import sharp from 'sharp';
import { ADMIN, signedInPage, uniqueName } from './fixtures';

const databaseUrl = process.env.E2E_DATABASE_URL;
const port = Number(process.env.E2E_PORT || 3210) + 2;
const second = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;
// The second instance has a data folder of its own: nothing on local disk is shared with the first.
const secondDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-second-'));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(databaseUrl, 'two-instances.spec.ts runs on the PostgreSQL pass (E2E_DATABASE_URL)').toBeTruthy();
  server = spawn(process.execPath, ['node_modules/.bin/tsx', 'scripts/start.ts', '--no-build'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1', DATABASE_URL: databaseUrl, DATA_DIR: secondDataDir, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${second}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  fs.rmSync(secondDataDir, { recursive: true, force: true });
});

test('an article published through one instance is visible through the other at once', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const other = await playwrightRequest.newContext({ baseURL: second });
  // The second instance has /news in its page cache after one visit: its health check answered 200 only once it
  // listened and had read the shared tag versions (server/cache/sync.ts), so no late first read expires the page.
  await other.get('/news');
  const cached = await other.get('/news');
  expect(cached.headers()['x-page-cache']).toBe('HIT');
  // Answered by the other server's front layer (server/http/front-cache.ts), before its Next.js.
  expect(cached.headers()['x-page-cache-layer']).toBe('front');

  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const title = `双实例同步文章${uniqueName('t').slice(-6)}`;
  await admin.goto('/admin/news/new');
  await admin.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await admin.getByRole('combobox', { name: '栏目' }).selectOption({ label: '志愿服务' });
  await admin.getByLabel('摘要').fill('第一个实例发布，第二个实例立即可见。');
  await admin.getByRole('textbox', { name: '正文' }).click();
  await admin.keyboard.type('两个实例共用一个数据库与缓存失效通知。');
  await admin.getByRole('button', { name: '保存草稿' }).click();
  await expect(admin).toHaveURL(/\/admin\/news\/\d+\?created=1/);
  await admin.getByRole('button', { name: '提交审核' }).click();
  // The admin wrote it: 三审三校 lets them approve only with a written reason (audited).
  await admin.getByLabel('越权审核理由').fill('双实例测试：无其他审核人员，由管理员自行审核。');
  await admin.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(admin.getByText(/^状态：/).first()).toContainText('已发布');

  // The change reaches the other process by a database notification: milliseconds, not a cache lifetime.
  await expect.poll(async () => (await (await other.get('/news')).text()).includes(title), { timeout: 3_000, intervals: [50, 100, 250] }).toBe(true);
  const fresh = await other.get('/news');
  expect(fresh.headers()['x-page-cache-layer']).toBe('front');
  expect(await fresh.text()).toContain(title);
  expect(await (await request.get('/news')).text()).toContain(title);
  await other.dispose();
});

/** A wrong-password sign-in over HTTP (next-auth v4 credentials): 'failed', 'locked' or what else happened. */
async function wrongSignIn(api: APIRequestContext, username: string, address: string): Promise<string> {
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password: 'not-the-password', callbackUrl: '/admin' },
    headers: { 'x-forwarded-for': address },
    maxRedirects: 0,
  });
  const location = response.headers()['location'] ?? '';
  // A locked account is answered 429 before next-auth runs, or sent to /login?error=locked by it.
  if (response.status() === 429 || location.includes('error=locked')) return 'locked';
  return location.includes('error=CredentialsSignin') ? 'failed' : `${response.status()} ${location}`;
}

test('sign-in attempts are counted once across both instances', async ({ request }) => {
  const other = await playwrightRequest.newContext({ baseURL: second });
  const username = uniqueName('lock');
  const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
  // The account limit is ten wrong passwords: five on each instance reach it together.
  for (let i = 0; i < 5; i += 1) {
    expect(await wrongSignIn(request, username, address)).toBe('failed');
    expect(await wrongSignIn(other, username, address)).toBe(i < 4 ? 'failed' : 'locked');
  }
  expect(await wrongSignIn(request, username, address)).toBe('locked');
  await other.dispose();
});

test('likes through both instances add up on one count', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  await first.goto('/good-people');
  const profile = await first.locator('main ul li a').first().getAttribute('href');
  expect(profile).toMatch(/^\/good-people\/\d+$/);
  await first.goto(profile!);
  const name = (await first.getByRole('heading', { level: 1 }).textContent())!.trim();
  await first.getByRole('button', { name: `为${name}点赞` }).click();
  await expect(first.getByRole('status').filter({ hasText: '点赞成功' })).toBeVisible();
  const afterFirst = Number((await first.getByText(/^点赞数：\d+$/).textContent())!.replace(/\D/g, ''));

  const secondPage = await (await browser.newContext({ baseURL: second })).newPage();
  await secondPage.goto(profile!);
  await secondPage.getByRole('button', { name: `为${name}点赞` }).click();
  await expect(secondPage.getByRole('status').filter({ hasText: '点赞成功' })).toBeVisible();
  await expect(secondPage.getByText(/^点赞数：\d+$/)).toHaveText(`点赞数：${afterFirst + 1}`);
});

// ------------------------------------------------------------------------------------------------ files

/** The image uploaded through the first instance, for the backup test. */
let uploaded: { src: string; storageKey: string; bytes: Buffer } | null = null;

test('an image uploaded through one instance is served by the other', async ({ browser, request }) => {
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  await admin.goto('/admin/media');
  const alt = `双实例共享图片${uniqueName('i').slice(-6)}`;
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#1c6b3a' } }).png().toBuffer();
  await admin.getByLabel('图片文件').setInputFiles({ name: 'shared.png', mimeType: 'image/png', buffer: png });
  await admin.locator('#field-alt').fill(alt);
  await admin.getByRole('button', { name: '上传图片' }).click();
  await expect(admin.getByRole('status').filter({ hasText: '图片已上传。' })).toBeVisible();
  const src = await admin.getByRole('img', { name: alt }).first().getAttribute('src');
  const match = /^\/media\/([0-9a-f]{32})\/\d+\.webp$/.exec(src ?? '');
  expect(match, `image address ${src}`).not.toBeNull();

  const fromFirst = await request.get(src!);
  expect(fromFirst.status()).toBe(200);
  const other = await playwrightRequest.newContext({ baseURL: second });
  for (const size of [src!, `/media/${match![1]}/800.webp`, `/media/${match![1]}/1600.webp`]) {
    const fromSecond = await other.get(size);
    expect(fromSecond.status(), size).toBe(200);
    expect(fromSecond.headers()['content-type']).toBe('image/webp');
    expect(fromSecond.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(fromSecond.headers()['x-content-type-options']).toBe('nosniff');
    expect((await sharp(await fromSecond.body()).metadata()).format).toBe('webp');
  }
  const bytes = await (await other.get(src!)).body();
  expect(bytes.equals(await fromFirst.body())).toBe(true);
  expect((await other.get(`/media/${'0'.repeat(32)}/320.webp`)).status()).toBe(404);
  // The second instance wrote and read nothing on its disk: the bytes came from PostgreSQL.
  expect(fs.readdirSync(secondDataDir)).toEqual([]);
  uploaded = { src: src!, storageKey: match![1]!, bytes };
  await other.dispose();
});

/** Runs a script (tsx) to completion with extra environment, failing the test with its output. */
function runScript(script: string, args: string[], env: Record<string, string>): string {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.NODE_OPTIONS; // Playwright's loader options are not for the portal's scripts
  const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, `${script} ${args.join(' ')}\n${output}`).toBe(0);
  return output;
}

/** A portal instance of its own on `port`; the returned function stops it (process group) and waits for it to exit. */
async function startInstance(port: number, env: Record<string, string>): Promise<() => Promise<void>> {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.NODE_OPTIONS;
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-build'], {
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = async () => {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  };
  try {
    await expect
      .poll(async () => (child.exitCode === null ? ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status ?? 0) : -1), { timeout: 120_000, intervals: [500] })
      .toBe(200);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

test('a backup restored into a fresh database serves the image, on PostgreSQL and on PGlite', async () => {
  test.setTimeout(360_000);
  expect(uploaded, 'the upload test ran first').not.toBeNull();
  const { src, storageKey, bytes } = uploaded!;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-backup-'));
  const dump = path.join(work, 'backup.sql');
  // Ports of their own (the second instance has `port`), one per restored instance.
  const [restoredPg, restoredPglite] = [port + 1, port + 2];
  runScript('scripts/db-backup.ts', [dump], { DATABASE_URL: databaseUrl! });
  expect(fs.readFileSync(dump, 'utf8')).toContain(`('uploads/${storageKey}/320.webp', 'image/webp', E'\\\\x`);

  // A fresh database on the same cluster, restored from the dump, served by an instance of its own.
  const adminUrl = new URL(databaseUrl!);
  adminUrl.pathname = '/postgres';
  const name = `civic_restore_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const freshUrl = new URL(databaseUrl!);
  freshUrl.pathname = `/${name}`;
  let stop: (() => Promise<void>) | null = null;
  try {
    runScript('scripts/db-restore.ts', [dump], { DATABASE_URL: freshUrl.toString() });
    stop = await startInstance(restoredPg, { DATABASE_URL: freshUrl.toString(), DATA_DIR: fs.mkdtempSync(path.join(work, 'pg-')) });
    const served = await fetch(`http://127.0.0.1:${restoredPg}${src}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  } finally {
    await stop?.();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }

  // The same dump into a fresh PGlite folder: the restore writes the files into DATA_DIR/uploads.
  const pgliteData = fs.mkdtempSync(path.join(work, 'pglite-'));
  const restored = runScript('scripts/db-restore.ts', [dump], { DATABASE_URL: '', DATA_DIR: pgliteData });
  expect(restored).toMatch(/Wrote \d+ files to/);
  // 900 px wide: its own width instead of 1600.
  expect(fs.readdirSync(path.join(pgliteData, 'uploads', storageKey)).sort()).toEqual(['320.webp', '800.webp', '900.webp']);
  stop = await startInstance(restoredPglite, { DATABASE_URL: '', DATA_DIR: pgliteData });
  try {
    const served = await fetch(`http://127.0.0.1:${restoredPglite}${src}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
  } finally {
    await stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
