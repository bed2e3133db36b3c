// The news journey: write with an image and a table, review (reject, fix, publish), appear everywhere,
// never leak pasted scripts, and disappear everywhere when withdrawn.
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';

const PASSWORD = 'Editor-pass-2026';

async function statusOf(page: Page) {
  return page.getByText(/^状态：/).first();
}

test('an article goes from draft through rejection to publication and back offline', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const editorName = uniqueName('ne');
  const reviewerName = uniqueName('nr');
  await createUser(admin, { username: editorName, displayName: '新闻编辑', role: '编辑', password: PASSWORD });
  await createUser(admin, { username: reviewerName, displayName: '新闻审核', role: '审核', password: PASSWORD });

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, editorName, PASSWORD);

  const alt = `${editorName} 志愿者在社区为老人义诊`;
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2f6f4f' } }).png().toBuffer();

  // Write the article: text, a table, the image, and pasted content carrying scripts.
  const title = `江城志愿服务周活动${editorName.slice(-5)}启动`;
  await editor.goto('/admin/news');
  await editor.getByRole('link', { name: '新建文章' }).click();
  await editor.getByRole('textbox', { name: '标题', exact: true }).fill(title.replace('启动', '启功'));
  await editor.getByRole('combobox', { name: '栏目' }).selectOption({ label: '志愿服务' });
  await editor.getByLabel('摘要').fill('江城志愿服务周在各社区同步启动，志愿者为居民提供义诊、维修和法律咨询等服务。');
  await editor.getByLabel('来源').fill('江城市文明办');
  const body = editor.getByRole('textbox', { name: '正文' });
  await body.click();
  await editor.keyboard.type('本周，江城各社区志愿服务站同步开展便民服务活动。');
  await editor.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '插入表格' }).click();
  await editor.keyboard.type('社区');
  await body.evaluate((element) => {
    const data = new DataTransfer();
    data.setData('text/html', '<p>来自文档的段落<img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script></p>');
    data.setData('text/plain', '来自文档的段落');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  // After the paste: an inserted image is selected, and a paste would replace it. The image is uploaded from
  // inside the editor (no trip to 媒体库): the alt text is required first, and the upload lands in the library.
  await editor.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '插入图片' }).click();
  const upload = editor.getByRole('group', { name: '上传新图片' });
  await upload.getByLabel('选择图片文件').setInputFiles({ name: 'clinic.png', mimeType: 'image/png', buffer: png });
  await expect(upload).toContainText('clinic.png');
  await upload.getByRole('button', { name: '上传并插入' }).click();
  await expect(upload.getByText('请填写替代文字')).toBeVisible();
  await upload.getByLabel('替代文字').fill(alt);
  await upload.getByRole('button', { name: '上传并插入' }).click();
  await expect(body.locator('table')).toBeVisible();
  await expect(body.locator(`img[alt="${alt}"]`)).toBeVisible();
  expect(await body.locator(`img[alt="${alt}"]`).getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{32}\/\d+\.webp$/);
  await editor.getByRole('button', { name: '保存草稿' }).click();
  await expect(editor).toHaveURL(/\/admin\/news\/\d+\?created=1/);
  const articleId = Number(/\/admin\/news\/(\d+)/.exec(editor.url())![1]);

  // A hostile client posting raw HTML straight into the form is sanitized on the server as well.
  await editor.locator('input[type="hidden"][name="body"]').evaluate((input: HTMLInputElement) => {
    input.value += '<p onclick="window.__pwned=3">hostile<script>window.__pwned=4</script></p><a href="javascript:alert(1)">x</a>';
  });
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(await statusOf(editor)).toContainText('待审核');

  // The reviewer rejects it with a reason.
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, reviewerName, PASSWORD);
  await reviewer.goto('/admin/news?status=pending');
  await reviewer.getByRole('link', { name: title.replace('启动', '启功') }).click();
  await reviewer.getByLabel('退回理由').fill('标题有错别字：“启功”应为“启动”。');
  await reviewer.getByRole('button', { name: '退回修改' }).click();
  await expect(await statusOf(reviewer)).toContainText('已退回');

  // The editor sees the reason, fixes the title and resubmits.
  await editor.goto(`/admin/news/${articleId}`);
  await expect(editor.getByRole('region', { name: '审核意见' })).toContainText('退回理由：标题有错别字');
  await editor.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(await statusOf(editor)).toContainText('待审核');

  // The reviewer publishes.
  await reviewer.goto(`/admin/news/${articleId}`);
  await reviewer.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(await statusOf(reviewer)).toContainText('已发布');

  // Citizens see it on the home page, in its channel, in the feed and the sitemap.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/');
  await expect(citizen.getByRole('link', { name: title }).first()).toBeVisible();
  await citizen.goto('/news/channel/zhiyuan');
  await citizen.getByRole('link', { name: title }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(title);
  const articleUrl = new URL(citizen.url()).pathname;
  await expect(citizen.locator('.article-body table')).toBeVisible();
  await expect(citizen.locator(`.article-body img[alt="${alt}"]`)).toBeVisible();
  await expect(citizen.locator('.article-body')).toContainText('来自文档的段落');
  const html = await citizen.content();
  expect(html).not.toMatch(/__pwned|onerror=|onclick=|javascript:alert/);
  expect(await citizen.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await (await citizen.request.get('/feed.xml')).text()).toContain(title);
  expect(await (await citizen.request.get('/sitemap.xml')).text()).toContain(articleUrl);

  // Withdrawn: gone from every list, feed and sitemap, and 404 at its URL.
  await reviewer.goto(`/admin/news/${articleId}`);
  await reviewer.getByLabel('下线理由').fill('活动时间调整，暂停发布。');
  await reviewer.getByRole('button', { name: '下线', exact: true }).click();
  await expect(await statusOf(reviewer)).toContainText('已下线');
  expect((await citizen.goto(articleUrl))?.status()).toBe(404);
  await citizen.goto('/');
  await expect(citizen.getByRole('link', { name: title })).toHaveCount(0);
  await citizen.goto('/news/channel/zhiyuan');
  await expect(citizen.getByRole('link', { name: title })).toHaveCount(0);
  expect(await (await citizen.request.get('/feed.xml')).text()).not.toContain(title);
  expect(await (await citizen.request.get('/sitemap.xml')).text()).not.toContain(articleUrl);

  // The image uploaded in the editor is in the media library.
  await editor.goto('/admin/media');
  await expect(editor.getByRole('img', { name: alt }).first()).toBeVisible();

  // Every step is in the audit log, in Chinese: field names, the channel by name, tags as a list.
  await admin.goto(`/admin/audit?entityType=news_article&entityId=${articleId}`);
  const log = admin.getByRole('table');
  for (const action of ['新建文章', '提交审核', '退回修改', '审核通过并发布', '下线文章']) {
    await expect(log.getByRole('row').filter({ hasText: action }).first()).toBeVisible();
  }
  const created = log.getByRole('row').filter({ hasText: '新建文章' });
  // The record by its current title.
  await expect(created).toContainText(`文章“${title}”`);
  await expect(created.locator('summary')).toContainText(/^标题、副标题、摘要、正文、封面图/);
  await expect(created).toContainText('栏目志愿服务');
  await expect(log).not.toContainText(/channelId|body|slug|tags|storageKey/);
  // The record-type filter is a choice of Chinese names.
  await expect(admin.getByRole('combobox', { name: '对象类型' })).toHaveValue('news_article');
  await expect(admin.getByRole('combobox', { name: '对象类型' }).locator('option:checked')).toHaveText('文章');
  await admin.goto(`/admin/audit?action=media.upload&actor=${editorName}`);
  await expect(admin.getByRole('table').getByRole('row').filter({ hasText: '上传图片' })).toContainText(`图片“${alt}”`);
});

test('三审三校: the author of an article cannot approve it; another reviewer can, and an admin only with a reason', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const writerName = uniqueName('sw');
  const checkerName = uniqueName('sc');
  await createUser(admin, { username: writerName, displayName: '撰稿审核', role: '审核', password: PASSWORD });
  await createUser(admin, { username: checkerName, displayName: '复核审核', role: '审核', password: PASSWORD });

  async function writeAndSubmit(page: Page, title: string): Promise<string> {
    await page.goto('/admin/news/new');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill(title);
    await page.getByRole('combobox', { name: '栏目' }).selectOption({ label: '基层动态' });
    await page.getByRole('textbox', { name: '正文' }).click();
    await page.keyboard.type('社区志愿者开展文明劝导。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page).toHaveURL(/\/admin\/news\/\d+\?created=1/);
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect(await statusOf(page)).toContainText('待审核');
    return new URL(page.url()).pathname;
  }

  // A reviewer writes and submits: the approve button is replaced by the reason.
  const writer = await signedInPage(browser, writerName, PASSWORD);
  const url = await writeAndSubmit(writer, `三审三校测试文章${writerName.slice(-5)}`);
  const review = writer.getByRole('region', { name: '审核', exact: true });
  await expect(review.getByRole('note')).toContainText('不能审核通过：您是此内容的作者，按“三审三校”不能由您审核通过，请由其他审核人员审核。');
  await expect(writer.getByRole('button', { name: '审核通过并发布' })).toHaveCount(0);
  await expect(review.getByRole('button', { name: '退回修改' })).toBeVisible();

  // Another reviewer publishes it.
  const checker = await signedInPage(browser, checkerName, PASSWORD);
  await checker.goto(url);
  await checker.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(await statusOf(checker)).toContainText('已发布');

  // An admin's own article: the approve form asks for a written reason, which the audit log keeps.
  const ownUrl = await writeAndSubmit(admin, `管理员自审测试文章${writerName.slice(-5)}`);
  const form = admin.getByRole('form', { name: '审核通过并发布' });
  await expect(form).toContainText('您是此内容的作者');
  const reason = form.getByLabel('越权审核理由');
  await expect(reason).toHaveAttribute('required', '');
  await reason.fill('夜间紧急通知，其他审核人员不在岗。');
  await form.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(await statusOf(admin)).toContainText('已发布');
  const ownId = ownUrl.split('/').pop();
  await admin.goto(`/admin/audit?entityType=news_article&entityId=${ownId}`);
  await expect(admin.getByRole('table').getByRole('row').filter({ hasText: '越权审核通过并发布（三审三校）' })).toContainText('越权审核（您是此内容的作者）：夜间紧急通知，其他审核人员不在岗。');
});

test('the admin list names the byline of the demo articles, and a scheduled one was changed in the past', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  // The demo's scheduled notice: approved before, published later.
  await page.goto('/admin/news?q=' + encodeURIComponent('十佳志愿服务项目评选'));
  const row = page.getByRole('row').filter({ hasText: '定时发布' }).first();
  await expect(row).toBeVisible();
  const cells = row.getByRole('cell');
  // 标题, 栏目, 状态, 作者, 修改时间, 发布时间, 点击
  const changed = (await cells.nth(4).innerText()).trim();
  const published = (await cells.nth(5).innerText()).trim();
  expect(changed < published, `修改时间 ${changed} before 发布时间 ${published}`).toBe(true);
  expect(new Date(`${changed.replace(' ', 'T')}:00+08:00`).getTime()).toBeLessThanOrEqual(Date.now());
  // 要闻 articles all have an author: the byline the public page prints (demo articles have no account).
  await page.goto('/admin/news');
  await page.getByLabel('栏目').selectOption({ label: '要闻' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/channel=\d+/);
  const authors = await page.getByRole('table').locator('tbody tr td:nth-child(4)').allInnerTexts();
  expect(authors.length).toBeGreaterThan(3);
  for (const author of authors) expect(author.trim()).not.toBe('—');
  const first = page.getByRole('table').locator('tbody tr').first();
  await first.getByRole('link').click();
  await expect(page.getByText(/；作者 /)).not.toContainText('作者 —');
});

test('a second editor is warned, and a save from a stale copy is refused and keeps the text', async ({ browser }) => {
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const reviewerName = uniqueName('cr');
  await createUser(admin, { username: reviewerName, displayName: '另一位审核', role: '审核', password: PASSWORD });
  await admin.goto('/admin/news/new');
  const title = `并发编辑测试文章${uniqueName('').slice(-6)}`;
  await admin.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await admin.getByRole('combobox', { name: '栏目' }).selectOption({ label: '基层动态' });
  await admin.getByRole('textbox', { name: '正文' }).click();
  await admin.keyboard.type('第一版正文。');
  await admin.getByRole('button', { name: '保存草稿' }).click();
  await expect(admin).toHaveURL(/\/admin\/news\/\d+\?created=1/);
  const editUrl = new URL(admin.url()).pathname;

  const second = await signedInPage(browser, reviewerName, PASSWORD);
  await second.goto(editUrl);
  await expect(second.getByText(/系统管理员.*也在编辑此文章/)).toBeVisible();

  await admin.getByRole('textbox', { name: '标题', exact: true }).fill(`${title}（甲改）`);
  await admin.getByRole('button', { name: '保存', exact: true }).click();
  await expect(admin.getByText(/已保存（版本 \d+）/)).toBeVisible();

  await second.getByRole('textbox', { name: '标题', exact: true }).fill(`${title}（乙改）`);
  await second.getByRole('button', { name: '保存', exact: true }).click();
  const conflict = second.getByRole('region', { name: '保存冲突' });
  await expect(conflict).toBeVisible();
  await expect(second.getByText(/保存失败：此文章已被/)).toBeVisible();
  await expect(second.getByRole('textbox', { name: '标题', exact: true })).toHaveValue(`${title}（乙改）`);
  await second.goto(editUrl);
  await expect(second.getByRole('textbox', { name: '标题', exact: true })).toHaveValue(`${title}（甲改）`);
});

test('a save after the session expired keeps the text, restored after signing in again', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/admin/news/new');
  const title = `会话过期保存测试${uniqueName('').slice(-6)}`;
  await page.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await page.getByRole('combobox', { name: '栏目' }).selectOption({ label: '通知公告' });
  await page.getByRole('textbox', { name: '正文' }).click();
  await page.keyboard.type('已保存的正文。');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/admin\/news\/\d+\?created=1/);
  const editUrl = new URL(page.url()).pathname;

  // The session ends while the editor keeps typing.
  await context.clearCookies();
  const body = page.getByRole('textbox', { name: '正文' });
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type('登录过期后写下的重要段落。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '登录已过期' })).toContainText('不会丢失');

  await page.getByRole('link', { name: '重新登录' }).click();
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`${editUrl}$`));
  const banner = page.getByRole('region', { name: '未提交的内容' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('textbox', { name: '正文' })).toContainText('登录过期后写下的重要段落。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存（版本 \d+）/)).toBeVisible();
  await page.goto(`${editUrl}/preview`);
  await expect(page.locator('.article-body')).toContainText('登录过期后写下的重要段落。');
  await context.close();
});
