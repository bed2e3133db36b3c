// The 好人榜 editors' journey: an editor makes a new month's batch with a person and submits the whole
// batch; a reviewer publishes it; citizens see the person on the batch page. And the sensitive-word list.
import { expect, test } from '@playwright/test';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';

const PASSWORD = 'Editor-pass-2026';

test('an editor builds a month’s batch, a reviewer publishes it, and citizens see the person', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const editorName = uniqueName('ge');
  const reviewerName = uniqueName('gr');
  await createUser(admin, { username: editorName, displayName: '好人榜编辑', role: '编辑', password: PASSWORD });
  await createUser(admin, { username: reviewerName, displayName: '好人榜审核', role: '审核', password: PASSWORD });

  // A month far from the demo data's months, so that repeated runs do not collide.
  const year = 2040 + Math.floor(Math.random() * 50);
  const monthNumber = 1 + Math.floor(Math.random() * 12);
  const month = `${year}-${String(monthNumber).padStart(2, '0')}`;
  const title = `${year}年${monthNumber}月 身边好人榜`;
  const personName = `见义勇为者${editorName.slice(-6)}`;

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, editorName, PASSWORD);
  await editor.goto('/admin/good-people');
  await editor.getByRole('navigation', { name: '好人榜管理' }).getByRole('link', { name: '月度榜单' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: '月度榜单' })).toBeVisible();
  const create = editor.getByRole('form', { name: '新建月度榜单' });
  await create.getByLabel('榜单月份').fill(month);
  await create.getByRole('button', { name: '新建榜单' }).click();
  await expect(editor).toHaveURL(/\/admin\/good-people\/batches\/\d+\?created=1/);
  await expect(editor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const batchUrl = new URL(editor.url()).pathname;

  // The same month again is refused with a clear message.
  await editor.goto('/admin/good-people/batches');
  await editor.getByRole('form', { name: '新建月度榜单' }).getByLabel('榜单月份').fill(month);
  await editor.getByRole('form', { name: '新建月度榜单' }).getByRole('button', { name: '新建榜单' }).click();
  await expect(editor.getByText(`${month} 的榜单已存在`)).toBeVisible();

  // An empty batch cannot be submitted.
  await editor.goto(batchUrl);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: '还没有待提交的人物' })).toBeVisible();

  // A person created from the batch page is in that batch.
  await editor.getByRole('link', { name: '在此榜单新建人物' }).click();
  await expect(editor.getByRole('heading', { level: 1, name: '新建人物' })).toBeVisible();
  const form = editor.getByRole('form', { name: '新建人物' });
  await form.getByLabel('姓名').fill(personName);
  await form.getByLabel('所在地区').fill('东湖区 滨江街道 幸福社区');
  await form.getByLabel('类别').selectOption('见义勇为');
  await expect(form.getByLabel('所属榜单')).toHaveValue(/\d+/);
  await form.getByLabel('一句话事迹').fill('太短');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(form.getByText('一句话事迹至少30个字，目前2个字')).toBeVisible();
  await expect(form.getByLabel('姓名')).toHaveValue(personName);
  await form.getByLabel('一句话事迹').fill('傍晚在东湖边听到呼救声，毫不犹豫跳入冰冷的湖水，将落水的小学生托上岸后悄然离开。');
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(editor).toHaveURL(/\/admin\/good-people\/\d+\?created=1/);
  await expect(editor.getByRole('status')).toHaveText('人物草稿已创建。');

  // The editor submits the whole batch; editors get no approve button.
  await editor.goto(batchUrl);
  await expect(editor.getByRole('link', { name: personName })).toBeVisible();
  await expect(editor.getByRole('button', { name: '审核通过并发布' })).toHaveCount(0);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByRole('status')).toHaveText('榜单及其人物已提交审核。');

  // Not public before review.
  const citizen = await (await browser.newContext()).newPage();
  expect((await citizen.goto(`/good-people/batch/${month}`))?.status()).toBe(404);

  // The reviewer publishes the batch and its person at once.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, reviewerName, PASSWORD);
  await reviewer.goto('/admin/good-people/batches?status=pending');
  await reviewer.getByRole('link', { name: title }).click();
  await reviewer.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(reviewer.getByRole('status')).toHaveText('榜单已审核通过，榜单和其中的人物已同时发布。');
  await expect(reviewer.getByRole('row', { name: new RegExp(personName) }).first()).toContainText('已发布');

  await citizen.goto(`/good-people/batch/${month}`);
  await expect(citizen.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(citizen.getByRole('link', { name: new RegExp(personName) })).toBeVisible();

  // Every step is in the audit log.
  const batchId = batchUrl.split('/').pop();
  await admin.goto(`/admin/audit?entityType=people_batch&entityId=${batchId}`);
  for (const action of ['新建好人榜单', '提交榜单审核', '榜单审核通过并发布']) {
    await expect(admin.getByRole('table').getByRole('row').filter({ hasText: action }).first()).toBeVisible();
  }
});

test('an admin saves the sensitive-word list in the site settings', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/admin/settings');
  const word = `测试词${Date.now().toString(36)}`;
  const form = page.getByRole('form', { name: '敏感词' });
  await form.getByLabel('敏感词表').fill(`诈骗\n赌博\n\n${word}\n诈骗`);
  await form.getByRole('button', { name: '保存敏感词' }).click();
  await expect(form.getByRole('status')).toContainText('敏感词已保存');
  await page.reload();
  await expect(page.getByRole('form', { name: '敏感词' }).getByLabel('敏感词表')).toHaveValue(`诈骗\n赌博\n${word}`);
  await expect(page.getByRole('region', { name: '敏感词' })).toContainText('目前共 3 个敏感词');
});
