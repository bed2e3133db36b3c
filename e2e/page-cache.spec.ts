// The page cache (proxy.ts, server/cache/page-cache.ts): anonymous visitors get public pages from memory, and
// an editor's publication or withdrawal shows at once anyway; personal answers are never cached. Hits are
// answered by server/http/serve.ts before Next.js (server/http/front-cache.ts), compressed.
import { expect, test } from '@playwright/test';
import { ADMIN, signedInPage, uniqueName } from './fixtures';

test('a published article shows at once on cached pages, and a withdrawn one is gone at once', async ({ browser, request }) => {
  test.setTimeout(90_000);
  // Fill the cache, then prove the second visit is served from it.
  for (const path of ['/', '/news', '/credit/black']) {
    expect((await request.get(path)).ok()).toBe(true);
    const again = await request.get(path);
    expect(again.headers()['x-page-cache'], path).toBe('HIT');
    expect(again.headers()['cache-control']).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
    // Answered before Next.js: only the front layer sets this header.
    expect(again.headers()['x-page-cache-layer'], path).toBe('front');
    expect(again.headers()['content-encoding'], path).toBe('br');
    expect(again.headers()['vary'], path).toBe('Accept-Encoding');
    expect(again.headers()['x-frame-options'], path).toBe('DENY');
    expect(again.headers()['content-security-policy'], path).toMatch(/'nonce-[\w-]+'/);
    const gzip = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding'], path).toBe('gzip');
    expect(await gzip.text()).toBe(await again.text());
  }

  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const title = `缓存测试文章${uniqueName('c').slice(-6)}`;
  await admin.goto('/admin/news/new');
  await admin.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await admin.getByRole('combobox', { name: '栏目' }).selectOption({ label: '志愿服务' });
  await admin.getByLabel('摘要').fill('检验公开页面缓存在发布后立即更新。');
  await admin.getByRole('textbox', { name: '正文' }).click();
  await admin.keyboard.type('公开页面由缓存提供，发布后立即更新。');
  await admin.getByRole('button', { name: '保存草稿' }).click();
  await expect(admin).toHaveURL(/\/admin\/news\/\d+\?created=1/);
  await admin.getByRole('button', { name: '提交审核' }).click();
  // The admin wrote it: 三审三校 lets them approve only with a written reason (audited).
  await admin.getByLabel('越权审核理由').fill('缓存测试：无其他审核人员，由管理员自行审核。');
  await admin.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(admin.getByText(/^状态：/).first()).toContainText('已发布');

  // The news pages were cached before the publication: they are rendered again, once.
  for (const path of ['/', '/news']) {
    const fresh = await request.get(path);
    expect(fresh.headers()['x-page-cache'], path).toBe('MISS');
    expect(fresh.headers()['x-page-cache-layer'], path).toBeUndefined();
    expect(await fresh.text()).toContain(title);
    const hit = await request.get(path);
    expect(hit.headers()['x-page-cache'], path).toBe('HIT');
    expect(hit.headers()['x-page-cache-layer'], path).toBe('front');
    expect(await hit.text(), path).toContain(title);
  }
  // A page that does not show news stayed cached.
  expect((await request.get('/credit/black')).headers()['x-page-cache']).toBe('HIT');

  await admin.getByLabel('下线理由').fill('缓存测试结束。');
  await admin.getByRole('button', { name: '下线', exact: true }).click();
  await expect(admin.getByText(/^状态：/).first()).toContainText('已下线');
  for (const path of ['/', '/news']) {
    expect(await (await request.get(path)).text(), path).not.toContain(title);
    const hit = await request.get(path);
    expect(hit.headers()['x-page-cache-layer'], path).toBe('front');
    expect(await hit.text(), path).not.toContain(title);
  }
});

test('signed-in, personal and look-up answers are never cached or shared', async ({ browser, request }) => {
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const adminPage = await admin.request.get('/admin');
  expect(adminPage.headers()['cache-control']).toContain('no-store');
  // A signed-in visitor's public page is rendered for them (it may differ), never from the cache.
  const signedInPublic = await admin.request.get('/news');
  expect(signedInPublic.headers()['x-page-cache']).toBeUndefined();
  expect(signedInPublic.headers()['x-page-cache-layer']).toBeUndefined();
  expect(signedInPublic.headers()['cache-control']).not.toContain('public');
  for (const path of ['/search?q=文明', '/credit?q=诚信达', '/login']) {
    const response = await request.get(path);
    expect(response.headers()['x-page-cache'], path).toBeUndefined();
    expect(response.headers()['cache-control'], path).toMatch(/private|no-store/);
  }
  // 繁體 mode is chosen by a cookie: private as well.
  const hant = await request.get('/news', { headers: { cookie: 'zh-script=hant' } });
  expect(hant.headers()['cache-control']).toMatch(/private/);
  expect(await hant.text()).toContain('文明動態');
  // Its Simplified source for the conversion is a cached page of its own ('hant' key): the same text again.
  const hantAgain = await request.get('/news', { headers: { cookie: 'zh-script=hant' } });
  expect(hantAgain.headers()['cache-control']).toMatch(/private/);
  expect(await hantAgain.text()).toContain('文明動態');
  expect(await hantAgain.text()).not.toContain('文明动态');
});
