// The 问题整改台账 journey of issue 18 in a real browser: an admin sets up two units, a category and a holiday
// in the working-day calendar, and a 单位经办人; a citizen reports with a photo (随手拍) and gets a receipt;
// a reviewer publishes the photo with a blurred region, accepts and assigns (the deadline counted across the
// holiday); the handler gets a 404 on another unit's item, returns the item once, is assigned it again and
// fixes it with an after-photo; the reviewer crosses it off; the reporter rates 不满意 and the item reopens.
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { cityDay } from '../lib/dates';
import { parseCalendarLines } from '../lib/ledger-input';
import { nthWorkingDayAfter, type CalendarDay } from '../lib/work-calendar';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';
import { freshAddress } from './security-helpers';

const PASSWORD = 'Ledger-pass-2026';
const PHONE = '13912345678';
const DEADLINE_DAYS = 2;

async function photo(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: colour } })
    .composite([{ input: Buffer.from(`<svg width="640" height="480"><circle cx="${100 + Math.floor(Math.random() * 400)}" cy="240" r="90" fill="#fff"/></svg>`) }])
    .jpeg()
    .toBuffer();
}

/** Creates a 责任单位 through its admin page; returns its id. */
async function createUnit(admin: Page, name: string, area: string): Promise<number> {
  await admin.goto('/admin/units');
  const form = admin.getByRole('form', { name: '新建单位' });
  await form.getByLabel('单位名称').fill(name);
  await form.getByLabel('单位类型').selectOption('街道/乡镇');
  await form.getByLabel('负责的片区/网格').fill(area);
  await form.getByRole('button', { name: '新建单位' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `编辑责任单位：${name}` })).toBeVisible();
  return Number(/\/admin\/units\/(\d+)/.exec(admin.url())![1]);
}

/** The calendar of the years a deadline from today may reach, with a holiday added on the next working day. */
async function addHoliday(admin: Page): Promise<{ holiday: string; before: CalendarDay[]; after: CalendarDay[]; restore: () => Promise<void> }> {
  const today = cityDay();
  const read = async (year: number) => {
    await admin.goto(`/admin/ledger/calendar?year=${year}`);
    const text = await admin.getByLabel(`${year}年的节假日和调休上班日`).inputValue();
    const parsed = parseCalendarLines(text, year);
    if (!parsed.ok) throw new Error(parsed.message);
    return { text, days: parsed.days };
  };
  const before: CalendarDay[] = [];
  for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1]) before.push(...(await read(year)).days);
  // The first working day after today becomes a holiday: a deadline of two working days must skip it.
  const holiday = nthWorkingDayAfter(today, 1, before);
  const year = Number(holiday.slice(0, 4));
  const { text } = await read(year);
  const field = admin.getByLabel(`${year}年的节假日和调休上班日`);
  await field.fill(`${text}\n${holiday} 休 测试假日`.trim());
  await admin.getByRole('button', { name: '保存日历' }).click();
  await expect(admin.getByRole('status')).toContainText('日历已保存');
  await admin.reload();
  await expect(field).toHaveValue(new RegExp(`${holiday} 休 测试假日`));
  const restore = async () => {
    await admin.goto(`/admin/ledger/calendar?year=${year}`);
    await field.fill(text);
    await admin.getByRole('button', { name: '保存日历' }).click();
    await expect(admin.getByRole('status')).toContainText('日历已保存');
  };
  return { holiday, before, after: [...before, { date: holiday, kind: 'holiday' }], restore };
}

async function step(page: Page, no: string, button: string, fill: (form: ReturnType<Page['getByRole']>) => Promise<void>, done: RegExp) {
  await page.goto(`/admin/ledger/${no}`);
  const form = page.getByRole('form', { name: button, exact: true });
  await fill(form);
  await form.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: done })).toBeVisible();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': freshAddress() } });
  return context.newPage();
}

test('随手拍 to 销号 and back: report, assign across a holiday, return, fix, cross off, 不满意 reopens', async ({ browser }) => {
  test.setTimeout(300_000);
  const tag = uniqueName('e2e');
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);

  // Setup by the admin: two units, a category whose default unit is the first, a holiday, two accounts.
  const unitName = `${tag}街道办事处`;
  const area = `${tag}社区`;
  const unitId = await createUnit(admin, unitName, area);
  await createUnit(admin, `${tag}镇人民政府`, `${tag}村`);
  const category = `测试${tag.slice(-6)}`;
  await admin.goto('/admin/ledger/categories');
  const newCategory = admin.getByRole('form', { name: '新建类别' });
  await newCategory.getByLabel('类别名称').fill(category);
  await newCategory.getByLabel('默认责任单位').selectOption({ label: unitName });
  await newCategory.getByLabel('整改期限（工作日）').fill(String(DEADLINE_DAYS));
  await newCategory.getByLabel('紧急期限（小时）').fill('24');
  await newCategory.getByRole('button', { name: '新建类别' }).click();
  await expect(newCategory.getByRole('status')).toHaveText('类别已创建。');
  const calendar = await addHoliday(admin);

  const reviewerName = uniqueName('lr');
  await createUser(admin, { username: reviewerName, displayName: '台账审核', role: '审核', password: PASSWORD });
  const handlerName = uniqueName('lh');
  await admin.goto(`/admin/units/${unitId}`);
  await admin.getByRole('link', { name: '新建经办人账号' }).click();
  const userForm = admin.getByRole('region', { name: '新建用户' });
  await expect(userForm.getByLabel('所属单位')).toHaveValue(String(unitId));
  await userForm.getByLabel('用户名').fill(handlerName);
  await userForm.getByLabel('姓名').fill('单位经办人甲');
  await expect(userForm.getByLabel('角色')).toHaveValue('unit');
  await userForm.getByLabel('初始密码').fill(PASSWORD);
  await userForm.getByRole('button', { name: '新建用户' }).click();
  await expect(userForm.getByRole('status')).toHaveText('用户已创建。');
  await admin.goto(`/admin/units/${unitId}`);
  await expect(admin.getByRole('region', { name: /单位经办人/ })).toContainText(handlerName);

  // The citizen's report with a photo, and the receipt.
  const citizen = await newPage(browser);
  await citizen.goto('/snap');
  await citizen.getByLabel('问题类别').selectOption({ label: category });
  await citizen.getByLabel('所在片区（街道/社区/网格）').selectOption(area);
  await citizen.getByRole('button', { name: '下一步' }).click();
  await citizen.getByLabel('问题描述').fill('小区门口的人行道上堆放了大量装修垃圾，已经好几天没有清理，行人只能走机动车道。');
  await citizen.getByLabel('详细地点').fill(`${area}东门人行道`);
  await citizen.getByLabel('现场照片').setInputFiles({ name: 'before.jpg', mimeType: 'image/jpeg', buffer: await photo('#8b4513') });
  await citizen.getByLabel('联系电话').fill(PHONE);
  await citizen.getByRole('button', { name: '提交问题' }).click();
  const no = (await citizen.getByTestId('receipt-no').textContent())!.trim();
  expect(no).toMatch(/^ZG-\d{4}-\d{6}$/);

  // The reviewer: the item waits in 待审核; the photo is published with a blurred region; accept and assign.
  const reviewer = await newPage(browser);
  await signIn(reviewer, reviewerName, PASSWORD);
  await reviewer.goto('/admin/ledger?queue=review');
  await reviewer.getByRole('link', { name: no }).click();
  await expect(reviewer.getByRole('heading', { level: 1 })).toContainText(no);
  await expect(reviewer.getByText(PHONE)).toBeVisible();
  const publish = reviewer.getByRole('form', { name: /公开问题照片 1/ });
  await publish.locator('input[name="r0x"]').fill('10');
  await publish.locator('input[name="r0y"]').fill('20');
  await publish.locator('input[name="r0w"]').fill('30');
  await publish.locator('input[name="r0h"]').fill('40');
  await publish.getByRole('button', { name: '公开此照片（应用模糊）' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: '照片的公开副本已发布' })).toBeVisible();
  await expect(reviewer.getByText('已公开副本')).toBeVisible();

  await step(reviewer, no, '受理', async () => {}, /已受理/);
  await step(
    reviewer,
    no,
    '交办',
    async (form) => {
      await expect(form.getByLabel('责任单位')).toHaveValue(String(unitId));
      await form.getByLabel('交办说明（公开，可选）').fill('请按期清理并设置围挡。');
    },
    /已交办/,
  );
  // Two working days from today, the holiday skipped: later than without the holiday.
  const deadline = nthWorkingDayAfter(cityDay(), DEADLINE_DAYS, calendar.after);
  expect(deadline > nthWorkingDayAfter(cityDay(), DEADLINE_DAYS, calendar.before)).toBe(true);
  expect(deadline > calendar.holiday).toBe(true);
  await expect(reviewer.getByRole('region', { name: '问题内容' })).toContainText(`整改期限${deadline} 23:59`);
  // Other journeys count deadlines with the demo calendar: the test holiday goes again.
  await calendar.restore();

  // The handler: only their unit; another unit's item is a 404.
  const handler = await newPage(browser);
  await signIn(handler, handlerName, PASSWORD);
  await expect(handler.getByRole('heading', { level: 2, name: '本单位待办' })).toBeVisible();
  await expect(handler.getByRole('link', { name: /本单位待整改的问题：1/ })).toBeVisible();
  await admin.goto('/admin/ledger?status=fixing');
  const otherNo = await admin.locator('a[href^="/admin/ledger/ZG-"]').first().textContent();
  const other = await handler.request.get(`/admin/ledger/${otherNo!.trim()}`);
  expect(other.status()).toBe(404);
  await handler.goto('/admin/ledger');
  await expect(handler.getByRole('link', { name: no })).toBeVisible();
  await expect(handler.locator('a[href^="/admin/ledger/ZG-"]')).toHaveCount(1);
  await handler.getByRole('link', { name: no }).click();
  await expect(handler.getByRole('form', { name: '开始整改', exact: true })).toBeVisible();
  for (const reviewerStep of ['交办', '销号', '退回重办']) await expect(handler.getByRole('form', { name: reviewerStep, exact: true })).toHaveCount(0);
  // The reporter's phone is for the 创城办, not for the unit.
  await expect(handler.getByText(PHONE)).toHaveCount(0);

  // 退回改派 once, with a reason: the item leaves the unit (its page is then a 404 for the handler).
  await step(handler, no, '退回改派', async (form) => form.getByLabel('退回理由').fill('该路段人行道由镇政府负责保洁，请改派。'), new RegExp(`${no} 已退回改派`));
  expect((await handler.request.get(`/admin/ledger/${no}`)).status()).toBe(404);

  // The reviewer finds it among the returned and assigns it again (the same unit: its area).
  await reviewer.goto('/admin/ledger?queue=returned');
  await expect(reviewer.getByRole('link', { name: no })).toBeVisible();
  await step(reviewer, no, '交办', async (form) => form.getByLabel('内部备注（可选）').fill('经核实属该街道片区，维持交办。'), /已交办/);

  // The handler fixes it: a short note is refused next to the field, then the after-photo and a real note.
  await handler.goto(`/admin/ledger/${no}`);
  await expect(handler.getByText('已退回 1 次，最多 2 次')).toBeVisible();
  const submit = handler.getByRole('form', { name: '提交核验', exact: true });
  await submit.getByLabel('整改后照片').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo('#2e8b57') });
  await submit.getByLabel('整改情况说明').fill('已清理。');
  await submit.getByRole('button', { name: '提交核验' }).click();
  await expect(submit.getByText(/整改情况说明至少20个字/)).toBeVisible();
  await step(
    handler,
    no,
    '提交核验',
    async (form) => {
      await form.getByLabel('整改后照片').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo('#2e8b57') });
      await form.getByLabel('整改情况说明').fill('已组织环卫人员清运装修垃圾三车，人行道恢复通行，并在小区门口设置了临时堆放点和围挡。');
    },
    /已提交核验/,
  );

  // The reviewer crosses it off.
  await step(reviewer, no, '销号', async (form) => form.getByLabel('核验意见（公开，可选）').fill('现场核验已整改到位。'), /已销号/);

  // The reporter rates 不满意 and the item goes back to the unit.
  await citizen.goto(`/snap/status?no=${no}`);
  await citizen.getByRole('form', { name: '查询办理进度' }).getByLabel('联系电话').fill(PHONE);
  await citizen.getByRole('button', { name: '查询' }).click();
  const rate = citizen.getByRole('form', { name: '评价办理结果' });
  await rate.getByLabel('不满意').check();
  await rate.getByLabel('评价说明').fill('垃圾又堆回来了。');
  await rate.getByRole('button', { name: '提交评价' }).click();
  await expect(citizen.getByRole('status').filter({ hasText: '问题已重新交回责任单位办理' })).toBeVisible();

  await reviewer.goto(`/admin/ledger/${no}`);
  await expect(reviewer.locator('h1 + span')).toHaveText('整改中');
  await expect(reviewer.getByRole('region', { name: '问题内容' })).toContainText('重新打开1 次');
  await handler.goto('/admin/ledger?queue=working');
  await expect(handler.getByRole('link', { name: no })).toBeVisible();
});

test('督查 findings: one entered by an editor, a file imported after a dry run that names the bad row', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const editorName = uniqueName('le');
  await createUser(admin, { username: editorName, displayName: '督查录入', role: '编辑', password: PASSWORD });
  const editor = await newPage(browser);
  await signIn(editor, editorName, PASSWORD);
  const doc = `江创城督〔2026〕${uniqueName('').slice(-6)}号`;

  await editor.goto('/admin/ledger/new');
  const form = editor.getByRole('form', { name: '录入问题' });
  const category = (await form.getByLabel('问题类别').locator('option').nth(1).textContent())!;
  await form.getByLabel('问题类别').selectOption({ label: category });
  await form.getByLabel('详细地点').fill('解放路与人民路交叉口东北角');
  await form.getByLabel('问题描述').fill('过短');
  await form.getByRole('button', { name: '录入问题' }).click();
  await expect(form.locator('#field-description-error')).toBeVisible();
  await expect(form.getByLabel('问题描述')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('问题描述').fill('人行道上堆放建筑垃圾约两立方米，影响行人通行，周边无围挡。');
  await form.getByLabel('督查文号').fill(doc);
  await form.getByRole('button', { name: '录入问题' }).click();
  await expect(editor.getByRole('status').filter({ hasText: '问题已录入' })).toBeVisible();
  await expect(editor.getByRole('region', { name: '问题内容' })).toContainText(`督查（督查文号：${doc}）`);
  // Editors enter findings; reviewers decide them.
  await expect(editor.getByRole('form', { name: '交办', exact: true })).toHaveCount(0);

  const header = '问题类别,问题描述,详细地点,片区/网格,责任单位,督查文号,联系电话';
  const good = `${category},公交站台顶棚破损漏雨，乘客候车时无处避雨。,建设路公交站,,,${doc}-2,13800001111`;
  const bad = `${category},短,建设路东侧,,,${doc}-2,`;
  const file = (rows: string[]) => ({ name: 'inspection.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8') });
  await editor.goto('/admin/ledger/import');
  await editor.getByLabel('导入文件').setInputFiles(file([good, bad]));
  await editor.getByRole('button', { name: '预检' }).click();
  const report = editor.getByRole('region', { name: /预检结果/ });
  await expect(report.getByRole('row', { name: /第3行/ })).toContainText('问题描述');
  await expect(report).toContainText('已忽略的列：联系电话');
  await expect(editor.getByRole('button', { name: '确认导入' })).toHaveCount(0);
  await editor.getByLabel('导入文件').setInputFiles(file([good]));
  await editor.getByRole('button', { name: '预检' }).click();
  await expect(editor.getByRole('region', { name: /预检结果/ })).toContainText('全部 1 行检查通过');
  await editor.getByRole('button', { name: '确认导入' }).click();
  await expect(editor.getByRole('status').filter({ hasText: '导入 1 个问题' })).toBeVisible();
  await editor.goto(`/admin/ledger?q=${encodeURIComponent('建设路公交站')}`);
  await expect(editor.locator('tbody tr')).toHaveCount(1);
  await expect(editor.locator('tbody tr')).toContainText('督查');
});
