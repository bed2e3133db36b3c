// Shared helpers for end-to-end journeys of editors.
import { expect, type Browser, type Page } from '@playwright/test';

export const ADMIN = { username: 'e2e-admin', password: 'Civic-e2e-Lantern-2026' };

export async function signIn(page: Page, username: string, password: string, expectSuccess = true) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (expectSuccess) await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
}

/** A fresh browser context (its own cookies) signed in as the given user. */
export async function signedInPage(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** Creates a user through the users page, as a signed-in administrator. */
export async function createUser(page: Page, user: { username: string; displayName: string; role: '编辑' | '审核' | '管理员'; password: string }) {
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: '新建用户' });
  await form.getByLabel('用户名').fill(user.username);
  await form.getByLabel('姓名').fill(user.displayName);
  await form.getByLabel('角色').selectOption({ label: user.role });
  await form.getByLabel('初始密码').fill(user.password);
  await form.getByRole('button', { name: '新建用户' }).click();
  await expect(form.getByRole('status')).toHaveText('用户已创建。');
  await expect(page.getByRole('article', { name: user.username })).toBeVisible();
}

export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
