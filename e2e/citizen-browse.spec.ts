// A citizen's first visit: the shell, the seeded content, each section reachable from the navigation.
import { expect, test } from '@playwright/test';
import { E2E_HEALTH_TOKEN } from './server-env';

const FULL_ID = /\b\d{6}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]\b/;

test('home shows the navigation, seeded content and the government footer', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('江城文明网 - 江城市创建全国文明城市');
  const nav = page.getByRole('navigation', { name: '主导航' });
  for (const label of ['首页', '文明动态', '好人榜', '诚信红黑榜']) await expect(nav.getByRole('link', { name: label })).toBeVisible();
  await expect(page.getByRole('search').getByRole('searchbox')).toBeVisible();

  const news = page.getByRole('region', { name: '文明动态' });
  expect(await news.getByRole('link').count()).toBeGreaterThanOrEqual(8);
  await expect(page.getByRole('heading', { name: /\d{4}年\d{1,2}月 江城身边好人榜/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /诚信红黑榜 \d{4}年第\d期/ })).toBeVisible();
  await expect(page.getByText('守信红榜公示')).toBeVisible();

  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('主办单位：中共江城市委宣传部');
  await expect(footer).toContainText('网站标识码');
  await expect(footer.getByRole('link', { name: /ICP备/ })).toHaveAttribute('href', 'https://beian.miit.gov.cn/');
  await expect(footer).toContainText('公网安备');
  await expect(footer.getByRole('link', { name: '我为政府网站找错' })).toBeVisible();
});

test('a citizen reads news by channel and opens an article', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '文明动态' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '文明动态' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '分页' })).toContainText('下一页');
  await page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '志愿服务' }).click();
  await expect(page).toHaveURL(/\/news\/channel\/zhiyuan$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('文明动态 · 志愿服务');
  const first = page.locator('main li a').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(/来源：/)).toBeVisible();
  await expect(page.getByText(/点击次数：\d+/)).toBeVisible();
});

test('the 好人榜 lists this month by category and opens a profile', async ({ page }) => {
  await page.goto('/good-people');
  for (const category of ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲', '道德模范']) {
    await expect(page.getByRole('heading', { level: 2, name: category })).toBeVisible();
  }
  const archive = page.getByRole('complementary');
  // Three published months in the demo data; the good-people journey publishes the current one.
  expect(await archive.getByRole('link').count()).toBeGreaterThanOrEqual(3);
  await archive.getByRole('link').last().click();
  await expect(page).toHaveURL(/\/good-people\/batch\/\d{4}-\d{2}$/);
  const person = page.locator('main ul li a').first();
  const name = (await person.locator('span').first().textContent())!.trim();
  await person.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { name: '事迹' })).toBeVisible();
});

test('credit lists show public entries with masked personal data only', async ({ page }) => {
  await page.goto('/credit');
  await expect(page.getByRole('heading', { level: 1, name: '诚信红黑榜' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '失信黑榜（公示中）' })).toBeVisible();
  expect(await page.content()).not.toMatch(FULL_ID);
  const entry = page.getByRole('region', { name: /失信黑榜 · / }).getByRole('link').first();
  const name = (await entry.textContent())!.trim();
  await entry.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('认定部门')).toBeVisible();
  expect(await page.content()).not.toMatch(FULL_ID);
});

test('search finds a company by part of its name', async ({ page }) => {
  await page.goto('/credit');
  const company = (await page.getByRole('region', { name: /守信红榜 · / }).getByRole('link').first().textContent())!.trim();
  const fragment = Array.from(company).slice(3, 6).join('');
  await page.getByRole('search').getByRole('searchbox').fill(fragment);
  await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('status')).toContainText(/结果共 [1-9]\d* 条/);
  await expect(page.getByRole('link', { name: company }).first()).toBeVisible();
});

test('a tag page lists the articles with that tag', async ({ page }) => {
  await page.goto('/news/tag/%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签：志愿服务');
  expect(await page.locator('main li a').count()).toBeGreaterThan(3);
});

test('unknown pages get a Chinese 404 inside the site shell', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  for (const path of ['/news/999999999', '/news/%00', '/news/tag/%00', '/news/channel/%00', `/news/${'x'.repeat(3000)}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test('the health endpoint says ok to anyone, and names the database engine only with the token', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.json()).toEqual({ ok: true });
  for (const authorization of ['Bearer wrong-token', `Basic ${E2E_HEALTH_TOKEN}`, `Bearer ${E2E_HEALTH_TOKEN}x`]) {
    expect(await (await request.get('/api/health', { headers: { authorization } })).json(), authorization).toEqual({ ok: true });
  }
  const detailed = await request.get('/api/health', { headers: { authorization: `Bearer ${E2E_HEALTH_TOKEN}` } });
  const body = await detailed.json();
  expect(body.ok).toBe(true);
  expect(body.database).toMatchObject({ ok: true, engine: process.env.E2E_DATABASE_URL ? 'postgres' : 'pglite' });
});

test('pages fit a 360 px phone without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ['/', '/news', '/good-people', '/credit']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
