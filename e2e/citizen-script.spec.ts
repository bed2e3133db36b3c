// 简/繁: a citizen switches the public site to Traditional characters; the choice follows them through
// client-side navigation and reloads, works without JavaScript, and leaves the editors' area alone.
import { expect, test, type Page } from '@playwright/test';

/** Visible text of the header and the main content. */
async function pageText(page: Page): Promise<string> {
  return `${await page.locator('header').first().innerText()}\n${await page.locator('main').innerText()}`;
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: /主導?航/ });

test('繁體 converts the whole page and survives navigation and reloads', async ({ page }) => {
  await page.goto('/credit');
  await expect(page.getByRole('heading', { level: 1, name: '诚信红黑榜' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('link', { name: /^繁體/ }).click();
  await expect(page).toHaveURL(/\/credit$/);
  await expect(page.getByRole('heading', { level: 1, name: '誠信紅黑榜' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page).toHaveTitle('誠信紅黑榜 - 江城文明網');
  await page.waitForLoadState('networkidle');
  let text = await pageText(page);
  expect(text).toContain('誠信');
  expect(text).not.toContain('诚信');
  // Text of client components (from the JavaScript chunks) is Traditional too, and they still work.
  const contrast = page.getByRole('button', { name: '高對比度' });
  await expect(contrast).toBeVisible();
  await contrast.click();
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await contrast.click();
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');
  // The way back is named in Simplified characters.
  await expect(page.getByRole('link', { name: /^简体/ })).toBeVisible();

  // Client-side navigation through the header.
  await mainNav(page).getByRole('link', { name: '好人榜' }).click();
  await expect(page).toHaveURL(/\/good-people$/);
  await expect(page.getByRole('heading', { level: 2, name: '助人為樂' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '誠實守信' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  text = await pageText(page);
  expect(text).not.toContain('诚信');
  expect(text).not.toContain('助人为乐');

  await mainNav(page).getByRole('link', { name: '文明動態' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '文明動態' })).toBeVisible();
  await page.locator('main li a').first().click();
  await expect(page.getByText(/來源：/)).toBeVisible();
  const articleUrl = page.url();
  expect(articleUrl).toMatch(/\/news\/[^/]+$/);

  await page.reload();
  await expect(page.getByText(/來源：/)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');

  // Back to Simplified, on the same page.
  await page.getByRole('link', { name: /^简体/ }).click();
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByText(/来源：/)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('link', { name: /^繁體/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '高对比度' })).toBeVisible();
});

test('in 繁體 mode the editors’ area stays Simplified and keeps its sign-in redirect', async ({ page }) => {
  await page.goto('/credit');
  await page.getByRole('link', { name: /^繁體/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '誠信紅黑榜' })).toBeVisible();

  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByText('管理后台登录')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // File and API routes are untouched.
  const health = await page.request.get('/api/health');
  expect(health.ok()).toBe(true);
  expect(await health.json()).toEqual({ ok: true });
  const feed = await page.request.get('/feed.xml');
  expect(feed.ok()).toBe(true);
  expect(await feed.text()).toMatch(/^<\?xml/);
});

test('a citizen form still works in 繁體 mode (server actions pass through)', async ({ page }) => {
  await page.goto('/credit/objection/status');
  await page.getByRole('link', { name: /^繁體/ }).click();
  await expect(page).toHaveURL(/\/credit\/objection\/status$/);
  await page.getByRole('textbox', { name: '受理編號' }).fill('YS20200101-AAAA11');
  await page.getByRole('textbox', { name: '聯繫電話' }).fill('13800000000');
  await page.getByRole('button', { name: '查詢進度' }).click();
  await expect(page.getByText(/未查到/)).toBeVisible();
});

test('the switch works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/credit');
  await page.getByRole('link', { name: /^繁體/ }).click();
  await expect(page).toHaveURL(/\/credit$/);
  await expect(page.getByRole('heading', { level: 1, name: '誠信紅黑榜' })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === 'zh-script');
  expect(cookie?.value).toBe('hant');
  expect(cookie?.sameSite).toBe('Lax');
  expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);

  await mainNav(page).getByRole('link', { name: '好人榜' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '助人為樂' })).toBeVisible();

  await page.getByRole('link', { name: /^简体/ }).click();
  await expect(page).toHaveURL(/\/good-people$/);
  await expect(page.getByRole('heading', { level: 2, name: '助人为乐' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'zh-script')).toBeUndefined();
  await context.close();
});

test('the switch refuses to send visitors to another site', async ({ page }) => {
  const response = await page.request.get('/api/script?to=hant&back=%2F%2Fevil.example%2F', { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/');
});

test('RSC requests in 繁體 mode are answered, never a 500, on every public page kind (issue 15)', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const firstLink = async (list: string, pattern: RegExp) => pattern.exec(await (await request.get(list)).text())?.[1];
  const paths = [
    '/',
    await firstLink('/news', /href="(\/news\/[a-z0-9-]{3,80})"/),
    await firstLink('/credit/black', /href="(\/credit\/\d+)"/),
    await firstLink('/good-people', /href="(\/good-people\/\d+)"/),
    '/news/channel/zhiyuan',
    '/no-such-page',
  ];
  const headers = { RSC: '1', Cookie: 'zh-script=hant' };
  for (const path of paths) {
    expect(path).toBeTruthy();
    const first = await request.get(path!, { headers, maxRedirects: 0 });
    expect(first.status(), path!).toBeLessThan(500);
    let answer = first;
    if (first.status() === 307) {
      // Next.js sends an RSC request without its _rsc parameter to the address with one: on this site.
      const location = new URL(first.headers()['location']!, baseURL);
      expect(location.origin, path!).toBe(origin);
      answer = await request.get(location.pathname + location.search, { headers, maxRedirects: 0 });
    }
    expect(answer.status(), path!).toBeLessThan(500);
    if (path === '/no-such-page') continue;
    expect(answer.status(), path!).toBe(200);
    expect(answer.headers()['content-type'], path!).toContain('text/x-component');
    expect(answer.headers()['content-language'], path!).toBe('zh-Hant');
    expect(await answer.text(), path!).toMatch(/網|誠信|動態|東/);
  }
});
