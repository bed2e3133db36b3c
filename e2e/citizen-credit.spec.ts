// A citizen and the 诚信红黑榜: overview, lookup by name fragment and by checked code, the red and black
// lists, an entry about a person (masked), an objection with an attachment followed to its status page,
// and a crawl of every public credit page for full ID numbers and the applicant's phone.
import { expect, test, type Page } from '@playwright/test';
import { checkIdNumber } from '../lib/id-number';

const LOGISTICS = '江城市诚信达物流有限公司';
const PERSON = '欧**国';
// A 1x1 PNG: the attachment a phone camera would send, in miniature.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** 18-character strings shaped like ID numbers that are valid ones (check digit and birth date): leaks. */
function fullIdNumbers(body: string): string[] {
  const today = new Date().toISOString().slice(0, 10);
  return [...body.matchAll(/\d{17}[\dX]/g)].map((m) => m[0]).filter((s) => checkIdNumber(s, today).ok);
}

function uniquePhone(): string {
  return `139${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}

async function lookUp(page: Page, text: string) {
  await page.goto('/credit');
  const form = page.getByRole('form', { name: '信用信息查询' });
  await form.getByLabel('名称或统一社会信用代码').fill(text);
  await form.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/\/credit\?q=/);
  return page.getByRole('region', { name: '查询结果' });
}

async function openPersonEntry(page: Page) {
  await page.goto('/credit/black');
  await page.getByRole('navigation', { name: '按类别筛选' }).getByRole('link', { name: '失信被执行人' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('失信黑榜 · 失信被执行人');
  await page.getByRole('link', { name: PERSON, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PERSON);
}

/** Files an objection on the person's entry through the form; returns the tracking number. */
async function fileObjection(page: Page, phone: string): Promise<string> {
  await openPersonEntry(page);
  await page.getByRole('link', { name: '对此信息有异议？申请异议申诉或信用修复' }).click();
  await expect(page).toHaveURL(/\/credit\/objection\?entry=\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('异议申诉与信用修复');
  await expect(page.getByRole('region', { name: '申请所涉信息' })).toContainText(PERSON);
  await page.getByRole('radio', { name: /^异议申诉/ }).check();
  await page.getByLabel('申请人姓名').fill('欧阳先生');
  await page.getByRole('textbox', { name: '联系电话' }).fill(phone);
  await page.getByLabel('申请说明').fill('该案件已于上月全部履行完毕，法院已出具结案通知书，请核实后更正或移出公示信息。');
  await page.getByLabel('证明材料（可选）').setInputFiles({ name: '结案通知书.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('checkbox', { name: /本人承诺/ }).check();
  await page.getByRole('button', { name: '提交申请' }).click();
  const done = page.getByRole('status', { name: '申请已提交' });
  await expect(done).toBeVisible();
  const trackingNo = (await page.getByTestId('tracking-no').textContent())!.trim();
  expect(trackingNo).toMatch(/^YS\d{8}-[0-9A-Z]{6}$/);
  return trackingNo;
}

test('the overview shows counts by category for both lists, with links to filtered lists', async ({ page }) => {
  await page.goto('/credit');
  await expect(page.getByRole('heading', { level: 1, name: '诚信红黑榜' })).toBeVisible();
  const red = page.getByRole('region', { name: '守信红榜（公示中）' });
  const black = page.getByRole('region', { name: '失信黑榜（公示中）' });
  for (const name of ['诚信经营企业', '诚信个体工商户', '食品安全示范店']) await expect(red.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  for (const name of ['失信被执行人', '拖欠农民工工资', '电信诈骗典型案例']) await expect(black.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole('link', { name: /异议申诉与信用修复/ })).toBeVisible();
  await black.getByRole('link', { name: /失信被执行人/ }).click();
  await expect(page).toHaveURL(/\/credit\/black\?category=\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('失信黑榜 · 失信被执行人');
  await page.goto('/credit');
  await page.getByText('最新发布批次').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/credit\/batch\/\d+$/);
  await expect(page.getByRole('table')).toBeVisible();
});

test('lookup finds a company by a 3-character fragment and by its code; a wrong check character is explained', async ({ page }) => {
  const byName = await lookUp(page, '信达物');
  await expect(byName.getByRole('status')).toContainText('名称包含“信达物”的公示中信息共');
  await expect(byName.getByRole('link', { name: LOGISTICS })).toBeVisible();
  await expect(byName.locator('mark').first()).toHaveText('信达物');
  const code = (await byName.getByRole('row', { name: new RegExp(LOGISTICS) }).getByRole('cell').nth(1).textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{18}$/);

  const byCode = await lookUp(page, code.toLowerCase());
  await expect(byCode.getByRole('status')).toHaveText(`统一社会信用代码“${code}”的公示中信息共 1 条。`);
  await byCode.getByRole('link', { name: LOGISTICS }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LOGISTICS);

  const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
  const refused = await lookUp(page, wrong);
  await expect(refused.getByRole('alert')).toHaveText(`统一社会信用代码校验位不正确：按前17位计算，第18位应为“${code[17]}”。请核对后重新输入。`);
  await expect(refused.getByRole('table')).toHaveCount(0);

  const short = await lookUp(page, '达');
  await expect(short.getByRole('alert')).toContainText('请至少输入2个字');
  const none = await lookUp(page, '不存在的企业名称');
  await expect(none.getByRole('status')).toContainText('没有找到');
  await expect(none).toContainText('公示期满');
});

test('the red and black lists paginate and filter by category', async ({ page }) => {
  await page.goto('/credit/red');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('守信红榜');
  await expect(page.locator('tbody tr')).toHaveCount(20);
  const firstOnPage1 = await page.locator('tbody tr').first().textContent();
  const pager = page.getByRole('navigation', { name: '分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/credit\/red\?page=2$/);
  await expect(page.getByRole('navigation', { name: '分页' })).toContainText(/第2\/\d+页/);
  expect(await page.locator('tbody tr').first().textContent()).not.toBe(firstOnPage1);

  await page.goto('/credit/black');
  await page.getByRole('navigation', { name: '按类别筛选' }).getByRole('link', { name: '拖欠农民工工资' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('失信黑榜 · 拖欠农民工工资');
  const categories = await page.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(categories.length).toBeGreaterThan(0);
  expect(new Set(categories)).toEqual(new Set(['拖欠农民工工资']));
  await page.getByRole('navigation', { name: '按类别筛选' }).getByRole('link', { name: '全部类别' }).click();
  await expect(page).toHaveURL(/\/credit\/black$/);
  await expect(page.locator('tbody tr')).toHaveCount(20);
});

test('an entry about a natural person shows only the masked ID number and name', async ({ page }) => {
  await openPersonEntry(page);
  await expect(page.getByText('420102********1311')).toBeVisible();
  await expect(page.getByText('认定部门')).toBeVisible();
  expect(fullIdNumbers(await page.content())).toEqual([]);
  expect(await page.content()).not.toContain('欧阳建国');
});

test('an objection with an attachment gets a tracking number and shows 待审核 on the status page', async ({ page }) => {
  const phone = uniquePhone();
  const trackingNo = await fileObjection(page, phone);
  await page.getByRole('status', { name: '申请已提交' }).getByRole('link', { name: '查询办理进度' }).click();
  await expect(page).toHaveURL(/\/credit\/objection\/status\?no=/);
  await expect(page.getByRole('textbox', { name: '受理编号' })).toHaveValue(trackingNo);

  // A wrong phone gets one neutral message.
  await page.getByRole('textbox', { name: '联系电话' }).fill('13900000000');
  await page.getByRole('button', { name: '查询进度' }).click();
  await expect(page.getByText('未查到与该受理编号和联系电话对应的申请')).toBeVisible();

  await page.getByRole('textbox', { name: '受理编号' }).fill(trackingNo.toLowerCase());
  await page.getByRole('textbox', { name: '联系电话' }).fill(phone);
  await page.getByRole('button', { name: '查询进度' }).click();
  const progress = page.getByRole('region', { name: '办理进度' });
  await expect(progress.getByTestId('objection-status')).toHaveText('待审核');
  await expect(progress).toContainText('异议申诉');
  await expect(progress).toContainText(PERSON);
});

test('no public page, feed or sitemap carries a full ID number or an applicant phone', async ({ page, request }) => {
  const phone = uniquePhone();
  const trackingNo = await fileObjection(page, phone);

  await page.goto('/credit/black');
  const entries = (await page.locator('tbody a[href^="/credit/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).slice(0, 6);
  await page.goto('/credit/red');
  entries.push(...(await page.locator('tbody a[href^="/credit/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).slice(0, 3));
  await page.goto('/credit/batch');
  const batches = (await page.locator('main ul a[href^="/credit/batch/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))).slice(0, 2);
  expect(entries.length).toBeGreaterThan(5);
  expect(batches.length).toBeGreaterThan(0);

  const paths = [
    '/',
    '/credit',
    '/credit/red',
    '/credit/red?page=2',
    '/credit/black',
    '/credit/black?page=2',
    '/credit/batch',
    ...batches,
    ...entries,
    '/credit?q=%E8%AF%9A%E4%BF%A1%E8%BE%BE', // 诚信达
    '/credit?q=%E6%AC%A7%E9%98%B3%E5%BB%BA%E5%9B%BD', // 欧阳建国
    '/credit?q=420102197803151311',
    '/search?q=%E8%AF%9A%E4%BF%A1%E8%BE%BE',
    '/search?q=%E6%AC%A7%E9%98%B3',
    '/search?q=420102197803151311',
    '/credit/objection',
    `/credit/objection/status?no=${trackingNo}`,
    '/sitemap.xml',
    '/feed.xml',
  ];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const body = await response.text();
    // The typed query itself is echoed in the search box on the two ?q=<ID> pages; strip it from those.
    const checked = path.endsWith('420102197803151311') ? body.replaceAll('420102197803151311', '') : body;
    expect(fullIdNumbers(checked), path).toEqual([]);
    expect(body.includes(phone), `${path} shows the applicant's phone`).toBe(false);
  }
});
