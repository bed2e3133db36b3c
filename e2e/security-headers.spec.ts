// Security headers on every response, a nonce CSP that no page of the portal violates (the site works
// with it: scripts hydrate, the editor loads), and cross-origin writes refused.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, signedInPage } from './fixtures';
import { ADMIN_LOGIN, anonymousRequest, signInRequest } from './security-helpers';
import { ACTIONS, citizenCall } from './security-inputs-helpers';

const STATIC_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/** Records CSP violations of the page (the browser fires securitypolicyviolation for each). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

test('every kind of response carries the security headers; pages a CSP with a fresh nonce', async ({ request }) => {
  const profile = /href="(\/good-people\/\d+)"/.exec(await (await request.get('/good-people')).text())?.[1];
  expect(profile).toBeTruthy();
  const nonces = new Set<string>();
  for (const path of ['/', '/news', profile!, '/credit/black', '/search?q=文明', '/login', '/api/health', '/feed.xml', '/robots.txt', '/no-such-page']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], `${path} ${name}`).toBe(value);
    expect(headers['permissions-policy'], path).toContain('camera=()');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain('unsafe-inline\' \'strict');
    expect(/script-src[^;]*'unsafe-inline'/.test(csp), path).toBe(false);
    if ((headers['content-type'] ?? '').startsWith('text/html')) {
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      const html = await response.text();
      // Every script tag carries this response's nonce.
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces.size).toBeGreaterThan(5);
});

test("a citizen's attachment served to staff carries the file CSP (sandbox), not the page CSP (issue 15)", async ({ baseURL }) => {
  const citizen = await anonymousRequest(baseURL!);
  const admin = await signInRequest(baseURL!, ADMIN_LOGIN.username, ADMIN_LOGIN.password);
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#b22222' } }).jpeg().toBuffer();
  const nominee = `头像${Date.now().toString(36).slice(-4).toUpperCase()}`;
  const result = await citizenCall(
    citizen,
    baseURL!,
    ACTIONS.recommend(),
    {
      nomineeName: nominee,
      region: '城关区东街社区',
      category: '敬业奉献',
      deed: '坚守岗位二十年，默默奉献，带动身边人一起参加志愿服务，深受群众好评。',
      story: '安全响应头测试。',
      recommenderName: '李华',
      recommenderPhone: '13912345678',
      consent: 'on',
      photos: [{ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo }],
    },
    '/good-people/recommend',
  );
  expect(result.state, JSON.stringify(result.state)).toMatchObject({ ok: true });
  const html = await (await admin.get('/admin/good-people/recommendations')).text();
  const ids = [...html.matchAll(/href="\/admin\/files\/(\d+)"/g)].map((m) => Number(m[1]));
  expect(ids.length).toBeGreaterThan(0);
  const file = await admin.get(`/admin/files/${Math.max(...ids)}`, { maxRedirects: 0 });
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/webp');
  const csp = file.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain('sandbox');
  expect(csp).not.toContain('nonce-');
  expect(csp).not.toContain('script-src');
  await citizen.dispose();
  await admin.dispose();
});

test('public pages and the editor run without a single CSP violation', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchViolations(page);
  for (const path of ['/', '/news', '/good-people', '/credit', '/credit/black', '/search?q=文明']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  // The page's inline script (app/_components/page-script.ts, with the nonce) works the 大字版 switch.
  await page.getByRole('button', { name: /大字版/ }).first().click();
  await expect(page.locator('html')).toHaveAttribute('data-font', 'large');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-font', 'large');

  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const adminViolations = await watchViolations(admin);
  await admin.goto('/admin/news/new');
  await admin.getByRole('textbox', { name: '正文' }).click();
  await admin.keyboard.type('内容安全策略下的编辑器');
  await expect(admin.getByRole('textbox', { name: '正文' })).toContainText('内容安全策略下的编辑器');
  expect(violations).toEqual([]);
  expect(adminViolations).toEqual([]);
});

test('server actions and API posts from another site are refused', async ({ request }) => {
  const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }];
  for (const headers of foreign) {
    const convert = await request.post('/api/script/convert', { headers, data: { texts: ['文明'] } });
    expect(convert.status()).toBe(403);
    const action = await request.post('/good-people', { headers: { ...headers, 'next-action': '0'.repeat(42) }, multipart: { personId: '1' } });
    expect(action.status()).toBe(403);
    expect(await action.json()).toEqual({ error: '已拒绝来自其他网站的请求。' });
  }
  // The same request from the portal itself goes through.
  const own = await request.post('/api/script/convert', { headers: { origin: new URL(test.info().project.use.baseURL!).origin, 'sec-fetch-site': 'same-origin' }, data: { texts: ['文明'] } });
  expect(own.status()).toBe(200);
});

test('cookies are HttpOnly and SameSite', async ({ page }) => {
  await page.goto('/api/script?to=hant&back=/news');
  const admin = await signedInPage(page.context().browser()!, ADMIN.username, ADMIN.password);
  const cookies = [...(await page.context().cookies()), ...(await admin.context().cookies())];
  const named = (name: string) => cookies.find((cookie) => cookie.name === name);
  for (const name of ['zh-script', 'next-auth.session-token', 'next-auth.csrf-token']) {
    expect(named(name), name).toBeTruthy();
    expect(named(name)!.httpOnly, name).toBe(true);
    expect(named(name)!.sameSite, name).toBe('Lax');
  }
});
