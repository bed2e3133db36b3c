// Two `next start` instances on one PostgreSQL (the PostgreSQL pass of npm test only, see
// playwright.config.ts): an article published through one is on the other's cached pages at once,
// and rate limits and like counts are one, not one per process.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, signedInPage, uniqueName } from './fixtures';

const databaseUrl = process.env.E2E_DATABASE_URL;
const port = Number(process.env.E2E_PORT || 3210) + 2;
const second = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(databaseUrl, 'two-instances.spec.ts runs on the PostgreSQL pass (E2E_DATABASE_URL)').toBeTruthy();
  server = spawn(process.execPath, ['node_modules/.bin/tsx', 'scripts/start.ts', '--no-build'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${second}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test('an article published through one instance is visible through the other at once', async ({ browser, request }) => {
  test.setTimeout(90_000);
  const other = await playwrightRequest.newContext({ baseURL: second });
  // The second instance has /news in its page cache.
  await other.get('/news');
  expect((await other.get('/news')).headers()['x-page-cache']).toBe('HIT');

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
