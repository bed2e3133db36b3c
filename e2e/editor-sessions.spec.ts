// Sessions end on the server: after 退出登录 a copy of the session cookie opens nothing (pages go to the
// sign-in page, server actions answer 登录已过期); 退出所有设备 ends every session of an account, for
// oneself on 修改密码 and for a user on 用户管理; all of it is in the audit log.
import { expect, request, test, type BrowserContext } from '@playwright/test';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';
import { callAction, expectLoginRedirect, loadActions } from './security-helpers';

const PASSWORD = 'Session-end-2026x';
const SIGNED_OUT = '登录已过期，请重新登录后再提交（您填写的内容仍保留在页面上）。';

/** A request context holding exactly these cookies: what someone who copied them could send. */
async function replay(baseURL: string, context: BrowserContext) {
  return request.newContext({ baseURL, storageState: { cookies: await context.cookies(), origins: [] } });
}

test('a session cookie copied before 退出登录 opens nothing afterwards', async ({ browser, baseURL }) => {
  const adminPage = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const name = uniqueName('so');
  await createUser(adminPage, { username: name, displayName: '退出测试', role: '编辑', password: PASSWORD });

  const page = await signedInPage(browser, name, PASSWORD);
  const other = await signedInPage(browser, name, PASSWORD); // the same account on a second device
  const copied = await replay(baseURL!, page.context());
  expect((await copied.get('/admin/account')).status()).toBe(200);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  expectLoginRedirect(await copied.get('/admin', { maxRedirects: 0 }), 'copied cookie on /admin');
  expectLoginRedirect(await copied.get('/admin/account', { maxRedirects: 0 }), 'copied cookie on /admin/account');
  const changePassword = loadActions().get('app/(admin)/admin/account/actions.ts#changeOwnPassword')!;
  const answer = await callAction(copied, baseURL!, changePassword, { current: PASSWORD, password: 'Another-pass-2026y', confirm: 'Another-pass-2026y' }, { path: '/admin/account' });
  expect(answer.state?.message).toBe(SIGNED_OUT);
  // The session endpoint does not renew it either: it answers an empty session.
  const session = (await (await copied.get('/api/auth/session')).json()) as Record<string, unknown>;
  expect(session.uid).toBeUndefined();

  // Only that session ended: the second device is still signed in, and the password did not change.
  await other.goto('/admin');
  await expect(other.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  const fresh = await signedInPage(browser, name, PASSWORD);
  await fresh.context().close();

  await adminPage.goto(`/admin/audit?action=signout&actor=${name}`);
  await expect(adminPage.getByRole('row').filter({ hasText: name })).toHaveCount(1);
  await copied.dispose();
});

test('退出登录 is a plain form: it signs out without JavaScript, also once the browser has dropped next-auth\'s CSRF cookie', async ({ browser }) => {
  const adminPage = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const name = uniqueName('sn');
  await createUser(adminPage, { username: name, displayName: '无脚本退出', role: '编辑', password: PASSWORD });
  for (const keepCsrfCookie of [true, false]) {
    const signedIn = await signedInPage(browser, name, PASSWORD);
    const { cookies } = await signedIn.context().storageState();
    expect(cookies.some((c) => c.name.includes('csrf-token'))).toBe(true);
    const noScript = await browser.newContext({
      javaScriptEnabled: false,
      storageState: { cookies: cookies.filter((c) => keepCsrfCookie || !c.name.includes('csrf-token')), origins: [] },
    });
    await signedIn.context().close();
    const page = await noScript.newPage();
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page, `csrf cookie kept: ${keepCsrfCookie}`).toHaveURL(/\/login$/);
    // The browser no longer holds a session cookie at all (not merely a revoked one).
    expect((await noScript.cookies()).filter((c) => c.name.includes('session-token')), `csrf cookie kept: ${keepCsrfCookie}`).toEqual([]);
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
    await noScript.close();
  }
  await adminPage.goto(`/admin/audit?action=signout&actor=${name}`);
  await expect(adminPage.getByRole('row').filter({ hasText: name })).toHaveCount(2);
});

test('退出所有设备 ends every session: one\'s own on 修改密码, a user\'s on 用户管理', async ({ browser, baseURL }) => {
  const adminPage = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const name = uniqueName('se');
  await createUser(adminPage, { username: name, displayName: '所有设备', role: '审核', password: PASSWORD });

  // The user, on two devices, signs out everywhere from the account page.
  const laptop = await signedInPage(browser, name, PASSWORD);
  const phone = await signedInPage(browser, name, PASSWORD);
  await laptop.goto('/admin/account');
  await laptop.getByRole('button', { name: '退出所有设备' }).click();
  await expect(laptop).toHaveURL(/\/login/);
  await expect(laptop.locator('#login-error')).toHaveText('已退出所有设备，请重新登录。');
  await phone.goto('/admin');
  await expect(phone).toHaveURL(/\/login/);

  // Signed in again on both; an administrator ends them all from the users page, and stays signed in.
  await signIn(laptop, name, PASSWORD);
  await signIn(phone, name, PASSWORD);
  const copied = await replay(baseURL!, phone.context());
  await adminPage.goto('/admin/users');
  const card = adminPage.getByRole('article', { name });
  await card.getByRole('button', { name: '退出所有设备' }).click();
  await expect(card.getByText('该用户已在所有设备上退出登录。')).toBeVisible();
  for (const device of [laptop, phone]) {
    await device.goto('/admin');
    await expect(device).toHaveURL(/\/login/);
  }
  expectLoginRedirect(await copied.get('/admin', { maxRedirects: 0 }), 'copied cookie after 退出所有设备');
  await adminPage.goto('/admin');
  await expect(adminPage.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();

  await adminPage.goto(`/admin/audit?action=user.signout_all&actor=${name}`);
  await expect(adminPage.getByRole('row').filter({ hasText: '退出所有设备' })).toHaveCount(1);
  await adminPage.goto(`/admin/audit?action=user.signout_all&actor=${ADMIN.username}`);
  await expect(adminPage.getByRole('row').filter({ hasText: '退出所有设备' }).first()).toBeVisible();
  await copied.dispose();
});
