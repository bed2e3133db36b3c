// Sign-in, roles, lock-out and the audit trail of the editors' area.
import { expect, test } from '@playwright/test';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';
import { anonymousRequest } from './security-helpers';

const PASSWORD = 'Editor-pass-2026';

test('the admin area sends visitors to sign in, and the bootstrap admin gets in', async ({ page }) => {
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('#login-error')).toHaveText('用户名或密码错误，请重新输入。');
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  const response = await page.request.get('/admin/users');
  expect(response.headers()['cache-control']).toContain('no-store');
});

test('without JavaScript the sign-in form posts, never puts the password in an address, and signs in', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const addresses: string[] = [];
  page.on('request', (request) => addresses.push(request.url()));
  await page.goto('/admin/news');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fnews/);
  const signIn = async (password: string) => {
    await page.getByLabel('用户名').fill(ADMIN.username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForLoadState();
  };
  // A new browser has no CSRF cookie yet, so the page had no token to put in the form: its first post is judged
  // all the same (the route mints the token for a post from this site's page).
  expect((await context.cookies()).filter((c) => c.name.includes('csrf-token'))).toEqual([]);
  await expect(page.locator('input[name="csrfToken"]')).toHaveValue('');
  await signIn('wrong-password-1');
  await expect(page.locator('#login-error')).toHaveText('用户名或密码错误，请重新输入。');
  await signIn(ADMIN.password);
  await expect(page).toHaveURL(/\/admin(\/news)?$/);
  await expect(page.getByRole('navigation', { name: '后台导航' })).toBeVisible();
  expect(addresses.filter((url) => url.includes(ADMIN.password) || url.includes('wrong-password')), 'a password in an address').toEqual([]);
  await context.close();

  // The same first post straight away, with the right password: one click signs in. The return address
  // carries escapes, one of them malformed: the cookies next-auth sets for it must not break the answer.
  for (const query of ['q=%E5%AE%A3%E4%BC%A0', 'q=%zz']) {
    const fresh = await browser.newContext({ javaScriptEnabled: false });
    const once = await fresh.newPage();
    await once.goto(`/login?callbackUrl=${encodeURIComponent(`/admin/news?${query}`)}`);
    await once.getByLabel('用户名').fill(ADMIN.username);
    await once.getByLabel('密码').fill(ADMIN.password);
    await once.getByRole('button', { name: '登录' }).click();
    await expect(once.getByRole('heading', { level: 1, name: '文明动态' }), query).toBeVisible();
    expect(once.url()).toContain(`/admin/news?${query}`);
    await fresh.close();
  }
});

test('a sign-in post without a CSRF token is accepted only when the browser shows it comes from this site', async ({ baseURL }) => {
  const form = { username: ADMIN.username, password: ADMIN.password, csrfToken: '', callbackUrl: '/admin' };
  const post = async (headers: Record<string, string>, body: Record<string, string> = form) => {
    const client = await anonymousRequest(baseURL!);
    const response = await client.post('/api/auth/callback/credentials', { form: body, headers, maxRedirects: 0 });
    const signedIn = (await client.storageState()).cookies.some((c) => c.name.endsWith('next-auth.session-token'));
    await client.dispose();
    return { status: response.status(), location: response.headers()['location'] ?? '', signedIn };
  };
  const origin = new URL(baseURL!).origin;
  // This site's page, by Sec-Fetch-Site or (older browsers) by Origin: signed in, sent on.
  for (const headers of [{ 'Sec-Fetch-Site': 'same-origin', Origin: origin }, { Origin: origin }] as Record<string, string>[]) {
    const answer = await post(headers);
    expect(answer, JSON.stringify(headers)).toMatchObject({ status: 302, location: `${origin}/admin`, signedIn: true });
  }
  // A stale token (a cookie the browser no longer has) from this site's page: the same.
  const stale = { ...form, csrfToken: 'a'.repeat(64) };
  expect(await post({ 'Sec-Fetch-Site': 'same-origin' }, stale)).toMatchObject({ status: 302, location: `${origin}/admin`, signedIn: true });
  // No proof: next-auth refuses it as before (and sets its cookie for the next try).
  for (const headers of [{}, { 'Sec-Fetch-Site': 'none' }] as Record<string, string>[]) {
    for (const body of [form, stale]) {
      const answer = await post(headers, body);
      expect(answer.signedIn, JSON.stringify(headers)).toBe(false);
      expect(answer.location, JSON.stringify(headers)).toContain('csrf=true');
    }
  }
  // Another site's post is refused before it reaches next-auth.
  for (const headers of [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'same-site' }] as Record<string, string>[]) {
    const answer = await post(headers);
    expect(answer, JSON.stringify(headers)).toMatchObject({ status: 403, signedIn: false });
  }
});

test('an admin creates an editor and a reviewer; the editor is refused admin-only pages and actions', async ({ page, browser }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const editor = uniqueName('ed');
  const reviewer = uniqueName('rv');
  await createUser(page, { username: reviewer, displayName: '审核员乙', role: '审核', password: PASSWORD });

  // Capture the real create-user request so it can be replayed without the admin's role.
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: '新建用户' });
  await form.getByLabel('用户名').fill(editor);
  await form.getByLabel('姓名').fill('编辑甲');
  await form.getByLabel('初始密码').fill(PASSWORD);
  const [request] = await Promise.all([page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])), form.getByRole('button', { name: '新建用户' }).click()]);
  await expect(form.getByRole('status')).toHaveText('用户已创建。');

  const editorPage = await signedInPage(browser, editor, PASSWORD);
  await expect(editorPage.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '用户管理' })).toHaveCount(0);
  for (const path of ['/admin/users', '/admin/settings', '/admin/audit']) {
    const response = await editorPage.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(editorPage.getByRole('heading', { name: '无权访问（403）' })).toBeVisible();
  }
  // Without JavaScript the same answers say the same (server/http/error-document.ts), where Next.js alone sends
  // a blank page: the 403, an admin page's 404, and a public page's 404 for a signed-in visitor.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await editorPage.context().storageState() });
  const plain = await noScript.newPage();
  for (const [path, status, heading] of [
    ['/admin/users', 403, '无权访问（403）'],
    ['/admin/news/999999999', 404, '页面不存在'],
    ['/news/no-such-article-e2e', 404, '页面不存在'],
  ] as const) {
    const response = await plain.goto(path);
    expect(response?.status(), path).toBe(status);
    await expect(plain.getByRole('heading', { level: 1, name: heading }), path).toBeVisible();
    await expect(plain.getByRole('link', { name: path.startsWith('/admin') ? '返回管理后台首页' : '返回首页' }), path).toBeVisible();
  }
  await noScript.close();

  // A direct POST of the admin's action, with the editor's session and a new username, is refused.
  const intruder = uniqueName('x');
  const body = request.postDataBuffer()!.toString('latin1').replaceAll(editor, intruder);
  const replay = await editorPage.request.fetch(request.url(), {
    method: 'POST',
    headers: { 'next-action': request.headers()['next-action']!, 'content-type': request.headers()['content-type']!, accept: 'text/x-component' },
    data: Buffer.from(body, 'latin1'),
  });
  expect(await replay.text()).toContain('您没有执行此操作的权限');
  // Without any session the action answers that the sign-in has expired, and does nothing.
  const anonymous = await (await browser.newContext()).request.fetch(request.url(), {
    method: 'POST',
    headers: { 'next-action': request.headers()['next-action']!, 'content-type': request.headers()['content-type']!, accept: 'text/x-component' },
    data: Buffer.from(body, 'latin1'),
  });
  expect(await anonymous.text()).toContain('登录已过期');
  await page.goto('/admin/users');
  await expect(page.getByRole('article', { name: intruder })).toHaveCount(0);
  await expect(page.getByRole('article', { name: editor })).toBeVisible();
});

test('ten wrong passwords lock the account with a clear message and HTTP 429', async ({ page, browser }) => {
  const adminPage = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const victim = uniqueName('lk');
  await createUser(adminPage, { username: victim, displayName: '被锁定的编辑', role: '编辑', password: PASSWORD });

  for (let i = 1; i <= 9; i++) {
    await signIn(page, victim, `wrong-${i}-password`, false);
    await expect(page.locator('#login-error')).toHaveText('用户名或密码错误，请重新输入。');
  }
  await signIn(page, victim, 'wrong-10-password', false);
  await expect(page.locator('#login-error')).toContainText('登录失败次数过多，账号已临时锁定');
  await signIn(page, victim, PASSWORD, false);
  await expect(page.locator('#login-error')).toContainText('请 15 分钟后再试');

  const api = await page.request.post('/api/auth/callback/credentials', { form: { username: victim, password: PASSWORD, json: 'true' } });
  expect(api.status()).toBe(429);
  expect(api.headers()['retry-after']).toMatch(/^\d+$/);
  expect((await api.json()).error).toBe('too_many_attempts');

  await adminPage.goto(`/admin/audit?action=signin.failed&actor=${victim}`);
  await expect(adminPage.getByRole('row').filter({ hasText: victim })).toHaveCount(10);
});

test('a disabled user is signed out on the next request, and every change is in the audit log', async ({ browser }) => {
  const adminPage = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const name = uniqueName('dz');
  await createUser(adminPage, { username: name, displayName: '将被停用', role: '审核', password: PASSWORD });
  const userPage = await signedInPage(browser, name, PASSWORD);

  const card = adminPage.getByRole('article', { name });
  await card.getByRole('button', { name: '停用账号' }).click();
  await expect(card.getByText('已停用').first()).toBeVisible();

  await userPage.goto('/admin');
  await expect(userPage).toHaveURL(/\/login/);
  // The right password of a disabled account is answered like a wrong one: nothing tells the two apart.
  await signIn(userPage, name, PASSWORD, false);
  await expect(userPage.locator('#login-error')).toHaveText('用户名或密码错误，请重新输入。');

  await adminPage.goto('/admin/audit');
  const log = adminPage.getByRole('table');
  await expect(log.getByRole('row').filter({ hasText: '停用用户' }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: '新建用户' }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: '登录被拒绝' }).first()).toBeVisible();
});

test('the admin pages fit a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, ADMIN.username, ADMIN.password);
  for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/settings', '/admin/media', '/admin/news', '/admin/news/new', '/admin/news/channels']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('an admin page asks the server for itself only: no link prefetches, and a menu link still navigates', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  // next/link prefetches ask for the RSC payload (?_rsc=) of every link in view or under the pointer.
  const payloads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('_rsc=') || request.headers()['next-router-prefetch']) payloads.push(request.url());
  });
  const menu = page.getByRole('navigation', { name: '后台导航' });
  for (const path of ['/admin', '/admin/news', '/admin/credit', '/admin/ledger', '/admin/good-people']) {
    await page.goto(path);
    await menu.getByRole('link').first().hover();
    await page.waitForLoadState('networkidle');
  }
  expect(payloads, 'requests for pages nobody opened').toEqual([]);
  // A click still navigates inside the app: one payload, for the page clicked.
  await menu.getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
  expect(payloads.map((url) => new URL(url).pathname)).toEqual(['/admin/users']);
});
