// Issue 5's whole cycle across roles: a citizen recommends someone and gets a receipt; an editor accepts
// the recommendation into this month's batch; a reviewer publishes the batch; the person appears on
// /good-people under the right category; a citizen likes once (the second like of the day is refused
// politely) and comments; the comment shows only after approval; the recommender's phone is in no
// public page.
import { expect, test, type Page } from '@playwright/test';
import { ADMIN, createUser, signIn, signedInPage, uniqueName } from './fixtures';

const PASSWORD = 'Journey-pass-2026';
const PHONE = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

function cityMonth(): { month: string; title: RegExp } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const year = parts.find((p) => p.type === 'year')!.value;
  const month = parts.find((p) => p.type === 'month')!.value;
  return { month: `${year}-${month}`, title: new RegExp(`^${year}年${Number(month)}月 `) };
}

async function expectNoPhone(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  expect(await page.content(), path).not.toContain(PHONE);
  expect(await page.content(), path).not.toContain(`${PHONE.slice(0, 3)} ${PHONE.slice(3, 7)}`);
}

test('recommend → accept → publish → like once → comment after approval; the phone stays private', async ({ browser }) => {
  test.setTimeout(180_000);
  const nominee = `孝${uniqueName('').slice(-5)}`;
  const { month, title } = cityMonth();

  // 1. A citizen recommends someone and gets a receipt.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto('/good-people/recommend');
  await citizen.getByLabel('被推荐人姓名').fill(nominee);
  await citizen.getByLabel('所在地区/单位').fill('江城市临湖区南岸社区');
  await citizen.getByLabel('类别').selectOption('孝老爱亲');
  await citizen.getByLabel('一句话事迹').fill('二十年来悉心照料患病的双亲和年迈的外婆，白天上班晚上陪护，从无怨言，被街坊称为孝心女儿。');
  await citizen.getByLabel('详细事迹').fill('她每天清晨五点起床，为老人准备早饭和药。');
  await citizen.getByRole('textbox', { name: '推荐人姓名', exact: true }).fill('张建华');
  await citizen.getByLabel('推荐人电话').fill(PHONE);
  await citizen.getByLabel('我承诺所填信息真实').check();
  await citizen.getByRole('button', { name: '提交推荐' }).click();
  const receipt = citizen.getByRole('region', { name: '推荐已提交' });
  await expect(receipt.locator('strong')).toHaveText(/^TJ\d{8}-[0-9A-Z]{6}$/);

  // 2. An editor accepts it into this month's batch (the default choice).
  const admin = await signedInPage(browser, ADMIN.username, ADMIN.password);
  const editorName = uniqueName('je');
  const reviewerName = uniqueName('jr');
  await createUser(admin, { username: editorName, displayName: '推荐核实编辑', role: '编辑', password: PASSWORD });
  await createUser(admin, { username: reviewerName, displayName: '榜单审核员', role: '审核', password: PASSWORD });
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, editorName, PASSWORD);
  await editor.goto('/admin/good-people/recommendations');
  // Staff see the recommender's phone; citizens never do.
  await expect(editor.getByText(PHONE)).toBeVisible();
  const accept = editor.getByRole('form', { name: `采纳对${nominee}的推荐`, exact: true });
  await expect(accept.getByLabel('加入榜单').locator('option').first()).toHaveText(new RegExp(`^本月榜单：${title.source.slice(1)}`));
  await accept.getByRole('button', { name: '采纳', exact: true }).click();
  await expect(editor).toHaveURL(/\/admin\/good-people\/\d+/);

  // 3. The editor submits this month's batch; a reviewer publishes it.
  await editor.goto('/admin/good-people/batches');
  await editor.getByRole('link', { name: title }).first().click();
  await expect(editor.getByRole('link', { name: nominee })).toBeVisible();
  await editor.getByRole('button', { name: '提交审核' }).click();
  await expect(editor.getByRole('status')).toHaveText('榜单及其人物已提交审核。');
  const batchPath = new URL(editor.url()).pathname;

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, reviewerName, PASSWORD);
  await reviewer.goto(batchPath);
  await reviewer.getByRole('button', { name: '审核通过并发布' }).click();
  await expect(reviewer.getByRole('status')).toHaveText('榜单已审核通过，榜单和其中的人物已同时发布。');

  // 4. The person appears on /good-people under 孝老爱亲, and in this month's list.
  await citizen.goto('/good-people');
  const filters = citizen.getByRole('form', { name: '筛选好人榜' });
  await filters.getByLabel('类别').selectOption('孝老爱亲');
  await filters.getByRole('button', { name: '筛选' }).click();
  const results = citizen.getByRole('region', { name: /筛选结果/ });
  const card = results.getByRole('listitem').filter({ hasText: nominee });
  await expect(card).toContainText('孝老爱亲');
  await citizen.goto(`/good-people/batch/${month}`);
  await expect(citizen.getByRole('link', { name: new RegExp(nominee) })).toBeVisible();

  // 5. A like counts once a day; the second is refused politely.
  await citizen.getByRole('link', { name: new RegExp(nominee) }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(nominee);
  const profilePath = new URL(citizen.url()).pathname;
  const likes = citizen.getByText(/^点赞数：\d+$/);
  await expect(likes).toHaveText('点赞数：0');
  await citizen.getByRole('button', { name: `为${nominee}点赞` }).click();
  await expect(likes).toHaveText('点赞数：1');
  await expect(citizen.getByRole('button', { name: '已点赞' })).toBeDisabled();
  await citizen.reload();
  await expect(likes).toHaveText('点赞数：1');
  await expect(citizen.getByRole('button', { name: '已点赞' })).toBeDisabled();

  // 6. A comment appears only after a moderator approves it.
  const body = `为${nominee}的孝心点赞，值得我们学习！`;
  const form = citizen.getByRole('form', { name: '发表评论' });
  await form.getByLabel('评论内容').fill(body);
  await form.getByRole('button', { name: '发表评论' }).click();
  await expect(form.getByRole('status')).toHaveText('评论已提交，审核通过后显示。');
  await citizen.reload();
  await expect(citizen.getByRole('region', { name: /网友评论/ })).not.toContainText(body);

  await editor.goto('/admin/good-people/comments');
  const comment = editor.getByRole('article').filter({ hasText: body });
  await comment.getByRole('button', { name: '通过', exact: true }).click();
  // Approved comments leave the queue.
  await expect(comment).toHaveCount(0);

  await citizen.reload();
  await expect(citizen.getByRole('region', { name: /网友评论/ })).toContainText(body);

  // 7. The recommender's phone is in no public page.
  for (const path of ['/', '/good-people', `/good-people/batch/${month}`, profilePath, `/search?q=${encodeURIComponent(nominee)}`, '/sitemap.xml', '/feed.xml']) {
    await expectNoPhone(citizen, path);
  }
});
