// A citizen and the 问题整改台账: reports a problem with a photo (随手拍) and gets a receipt, looks it up with
// the phone, supports an open item (我也遇到) instead of sending a duplicate, filters the public ledger; the
// phone, the unpublished name and the original photo never reach a public page or the feed; the pages
// work on a 360 px phone, with and without JavaScript.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ADMIN, signedInPage } from './fixtures';
import { freshAddress } from './security-helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
// A phone number and a name no page could show by chance.
const PHONE = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const NAME = `欧阳${'晓明志强'[Math.floor(Math.random() * 4)]}${'华伟芳'[Math.floor(Math.random() * 3)]}`;
const RECEIPT = /^ZG-\d{4}-\d{6}$/;

async function contextFor(browser: Browser, options: { width?: number; js?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    javaScriptEnabled: options.js ?? true,
    extraHTTPHeaders: { 'X-Forwarded-For': freshAddress() },
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Step 1 of /snap: the first category and the first area offered. */
async function chooseFirstCategoryAndArea(page: Page): Promise<{ category: string; area: string }> {
  await page.goto('/snap');
  const category = page.getByLabel('问题类别');
  const area = page.getByLabel('所在片区（街道/社区/网格）');
  const categoryLabel = (await category.locator('option').nth(1).textContent())!.trim();
  const areaLabel = (await area.locator('option').nth(1).textContent())!.trim();
  await category.selectOption({ label: categoryLabel });
  await area.selectOption({ label: areaLabel });
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: /填写新问题/ })).toBeVisible();
  return { category: categoryLabel, area: areaLabel };
}

/** Fills and sends step 3; returns the receipt number. */
async function report(page: Page, description: string): Promise<string> {
  await page.getByLabel('问题描述').fill(description);
  await page.getByLabel('详细地点').fill('建设路与解放路交叉口东北角公交站旁');
  await page.getByLabel('现场照片').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('姓名', { exact: true }).fill(NAME);
  await page.getByLabel('联系电话').fill(PHONE);
  await page.getByRole('button', { name: '提交问题' }).click();
  const receipt = page.getByRole('region', { name: '问题已提交' });
  await expect(receipt).toBeVisible();
  const no = (await receipt.getByTestId('receipt-no').textContent())!.trim();
  expect(no).toMatch(RECEIPT);
  return no;
}

async function expectNothingPrivate(page: Page, path: string) {
  const response = await page.goto(path);
  const body = (await response!.text()) + (await page.content());
  expect(body, `${path}: phone`).not.toContain(PHONE);
  expect(body, `${path}: unpublished name`).not.toContain(NAME);
  expect(body, `${path}: original photos`).not.toMatch(/\/admin\/(ledger\/photos|files)\//);
}

test('a citizen reports with a photo, gets a receipt and looks it up with the phone', async ({ browser }) => {
  const context = await contextFor(browser);
  const page = await context.newPage();
  await chooseFirstCategoryAndArea(page);

  // The form refuses what is wrong, next to the field, and keeps the text.
  await page.getByLabel('问题描述').fill('太脏了');
  await page.getByLabel('详细地点').fill('建设路');
  await page.getByLabel('联系电话').fill('12345');
  await page.getByRole('button', { name: '提交问题' }).click();
  await expect(page.getByText('问题描述至少10个字，目前3个字')).toBeVisible();
  await expect(page.getByLabel('问题描述')).toHaveValue('太脏了');
  await expect(page.getByLabel('问题描述')).toHaveAttribute('aria-invalid', 'true');

  const no = await report(page, `人行道上堆放的建筑垃圾已经好几天没有清运，行人只能绕到机动车道上走（${Date.now()}）`);
  expect(await page.content()).not.toContain(PHONE);

  await page.getByRole('region', { name: '问题已提交' }).getByRole('link', { name: '查询办理进度' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '随手拍办理进度查询' })).toBeVisible();
  await expect(page.getByLabel('回执号')).toHaveValue(no);
  // A wrong phone gets the one neutral answer.
  await page.getByLabel('联系电话').fill('13800000000');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '未找到该回执号' })).toBeVisible();

  await page.getByLabel('回执号').fill(no.toLowerCase());
  await page.getByLabel('联系电话').fill(PHONE);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const result = page.getByRole('region', { name: '办理进度' });
  await expect(result).toContainText('待审核');
  await expect(result).toContainText(no);
  await expect(result.getByRole('list').first()).toContainText('提交');
  expect(await page.content()).not.toContain(PHONE);

  // 待审核 is private: the item is not on the ledger yet.
  const pending = await page.goto(`/ledger/${no}`);
  expect(pending!.status()).toBe(404);

  // Once staff accept it, it is public, without the phone, the unpublished name or the original photo.
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  await admin.goto(`/admin/ledger/${no}`);
  await admin.getByRole('form', { name: '受理', exact: true }).getByRole('button', { name: '受理', exact: true }).click();
  await expect(admin.getByRole('status').filter({ hasText: /已受理/ })).toBeVisible();
  await admin.context().close();

  await expectNothingPrivate(page, `/ledger/${no}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(no);
  await expect(page.getByRole('heading', { name: '办理过程' })).toBeVisible();
  await expect(page.locator('main')).toContainText('受理');
  await expectNothingPrivate(page, '/ledger');
  await expect(page.getByRole('link', { name: no })).toBeVisible();
  await expectNothingPrivate(page, '/ledger/feed.xml');
  const feed = await (await page.request.get('/ledger/feed.xml')).text();
  expect(feed).toContain(`/ledger/${no}`);
  expect(feed).not.toContain(PHONE);
  expect(feed).not.toContain(NAME);
  await expectNothingPrivate(page, `/search?q=${encodeURIComponent('建筑垃圾已经好几天没有清运')}`);
  await context.close();
});

test('我也遇到 adds support to the open item instead of a duplicate, also without JavaScript', async ({ browser }) => {
  for (const js of [true, false]) {
    const context = await contextFor(browser, { js });
    const page = await context.newPage();
    // An open item on the ledger: its category and area lead a reporter to it in step 2.
    await page.goto('/ledger?status=fixing');
    await page.locator('main ol li a[href^="/ledger/ZG-"]').first().click();
    const no = (await page.locator('h1 .font-mono').textContent())!.trim();
    const category = (await page.locator('dt', { hasText: '问题类别' }).locator('xpath=following-sibling::dd').textContent())!.trim();
    const area = (await page.locator('dt', { hasText: /^地点$/ }).locator('xpath=following-sibling::dd').textContent())!.split(' · ')[0]!.trim();

    await page.goto('/snap');
    await page.getByLabel('问题类别').selectOption({ label: category });
    await page.getByLabel('所在片区（街道/社区/网格）').selectOption({ label: area });
    await page.getByRole('button', { name: '下一步' }).click();
    const similar = page.getByRole('region', { name: '第二步：看看是否已有人反映' });
    // The item we came from is among them, or others of the same kind are listed first (most supported).
    await expect(similar.getByRole('listitem').first()).toBeVisible();
    const listed = (await similar.getByRole('listitem').first().getByRole('link', { name: /^ZG-/ }).textContent())!.trim();
    const item = similar.getByRole('listitem').filter({ has: page.getByRole('link', { name: listed }) });
    const before = Number(((await item.getByText(/人也遇到|还没有人/).textContent()) ?? '').match(/\d+/)?.[0] ?? 0);
    await item.getByRole('button', { name: '我也遇到' }).click();
    const after = page.getByRole('region', { name: '第二步：看看是否已有人反映' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: listed }) });
    await expect(after.getByRole('status')).toContainText('已记录“我也遇到”');
    await expect(after).toContainText(`${before + 1} 人也遇到`);
    await expect(after.getByRole('button', { name: '我也遇到' })).toHaveCount(0);
    // The same browser counts once, even from a fresh page.
    await page.goto(page.url());
    await expect(after).toContainText(`${before + 1} 人也遇到`);
    await after.getByRole('button', { name: '我也遇到' }).click();
    await expect(after.getByRole('alert')).toContainText('您已经点过');
    await expect(after).toContainText(`${before + 1} 人也遇到`);
    // No new report was made: the item's own page counts the support (the ledger's cache may lag a minute).
    await page.goto(`/ledger/${listed}`);
    await expect(page.locator('main')).toContainText('“我也遇到”');
    expect(no).toMatch(RECEIPT);
    await context.close();
  }
});

test('the ledger filters by status, category, overdue and month with plain GET forms, with counts per status', async ({ browser }) => {
  for (const js of [true, false]) {
    const context = await contextFor(browser, { js });
    const page = await context.newPage();
    await page.goto('/ledger');
    await expect(page.getByRole('heading', { level: 1, name: '问题整改台账' })).toBeVisible();
    const counts = page.getByRole('navigation', { name: '按办理状态筛选' });
    const closedCount = Number((await counts.getByRole('link', { name: /已销号/ }).locator('span').first().textContent())!.trim());
    expect(closedCount).toBeGreaterThan(0);

    const form = page.getByRole('form', { name: '筛选问题' });
    await form.getByLabel('办理状态').selectOption({ label: '已销号' });
    await form.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/status=closed/);
    await expect(page.getByRole('status')).toContainText(`共 ${closedCount} 条`);
    const rows = page.locator('main ol > li');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain('已销号');

    await page.goto('/ledger');
    await page.getByRole('form', { name: '筛选问题' }).getByLabel('只看超期').check();
    await page.getByRole('form', { name: '筛选问题' }).getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/overdue=1/);
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i).getByText('超期', { exact: true })).toBeVisible();

    // Category and month together: each row is of that category.
    await page.goto('/ledger');
    const categoryLabel = (await page.getByRole('form', { name: '筛选问题' }).getByLabel('问题类别').locator('option').nth(1).textContent())!.trim();
    await page.getByRole('form', { name: '筛选问题' }).getByLabel('问题类别').selectOption({ label: categoryLabel });
    await page.getByRole('form', { name: '筛选问题' }).getByRole('button', { name: '筛选' }).click();
    for (const text of await rows.allTextContents()) expect(text).toContain(categoryLabel);

    // A value no list offers is a wrong address.
    expect((await page.goto('/ledger?status=pending'))!.status()).toBe(404);
    expect((await page.goto('/ledger?month=1999-01'))!.status()).toBe(404);
    await context.close();
  }
});

test('units show their figures over a chosen period; rates only from 10 items up', async ({ page }) => {
  await page.goto('/units');
  await expect(page.getByRole('heading', { level: 1, name: '责任单位整改情况' })).toBeVisible();
  const link = page.getByRole('table').getByRole('link').first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('交办问题')).toBeVisible();
  await page.getByLabel('统计时段（按交办时间）').selectOption({ index: 1 });
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(/period=\d{4}/);
  await expect(page.getByRole('heading', { level: 2, name: /\d{4}年整改情况/ })).toBeVisible();
  expect((await page.goto('/units/999999'))!.status()).toBe(404);
});

test('on a 360 px phone the 随手拍 form, the ledger, an item and the units fit the screen, with and without JavaScript', async ({ browser }) => {
  for (const js of [true, false]) {
    const context = await contextFor(browser, { width: 360, js });
    const page = await context.newPage();
    await chooseFirstCategoryAndArea(page);
    expect(await horizontalOverflow(page), '/snap').toBeLessThanOrEqual(0);
    // The phone location is offered only when scripts run; the form works without it.
    await expect(page.getByRole('button', { name: '使用当前位置' })).toHaveCount(js ? 1 : 0);
    if (!js) {
      const no = await report(page, `小区门口的路灯坏了一个多星期，晚上出入很不方便，请尽快修复（${Date.now()}）`);
      expect(no).toMatch(RECEIPT);
    }
    for (const path of ['/ledger', '/units', '/snap/status']) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.goto('/ledger');
    await page.locator('main ol li a[href^="/ledger/ZG-"]').first().click();
    await expect(page.getByRole('heading', { level: 2, name: '办理过程' })).toBeVisible();
    expect(await horizontalOverflow(page), 'item').toBeLessThanOrEqual(0);
    await context.close();
  }
});
