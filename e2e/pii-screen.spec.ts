// Personal numbers in free text: a citizen's comment or recommendation holding a phone or an ID number is
// refused with a Chinese message next to the field (the typed text kept); a staff credit entry with a third
// party's ID number in 列入事由 gets a field error and is saved masked after ticking 自动打码后保存, without
// JavaScript; the public entry page shows only the masked numbers.
import { expect, test, type Page } from '@playwright/test';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../lib/credit-code';
import { findPii } from '../lib/pii-detect';
import { ADMIN, signIn } from './fixtures';

const SCREEN_MESSAGE = /请勿填写身份证号、手机号或银行卡号等个人信息（第\d+个字附近）/;
const THIRD_PARTY_ID = '420102197803151311';
// Random, so that no page could show it by chance.
const PHONE = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const SPACED_PHONE = `${PHONE.slice(0, 3)} ${PHONE.slice(3, 7)} ${PHONE.slice(7)}`;

function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
}

function randomCode(): string {
  let body = '91420100';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckChar(body)!;
}

async function openFirstProfile(page: Page) {
  await page.goto('/good-people');
  await page.locator('main ul li a').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('a citizen’s comment with a mobile number is refused next to the field, and the text is kept', async ({ page }) => {
  await openFirstProfile(page);
  const form = page.getByRole('form', { name: '发表评论' });
  const body = `为好人点赞，想当面感谢，我的手机${SPACED_PHONE}`;
  await form.getByLabel('评论内容').fill(body);
  await form.getByRole('button', { name: '发表评论' }).click();
  await expect(form.locator('#field-body-error')).toHaveText(SCREEN_MESSAGE);
  await expect(form.getByLabel('评论内容')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('评论内容')).toHaveValue(body);
  await expect(form.getByRole('status')).toHaveCount(0);
  // Nothing was received: without the number, the same comment goes through.
  await form.getByLabel('评论内容').fill('为好人点赞，向榜样学习！');
  await form.getByRole('button', { name: '发表评论' }).click();
  await expect(form.getByRole('status')).toHaveText('评论已提交，审核通过后显示。');
});

test('a recommendation with an ID number in its deed is refused next to the field; the recommender’s own phone is fine', async ({ page }) => {
  await page.goto('/good-people/recommend');
  await page.getByLabel('被推荐人姓名').fill('林晓燕');
  await page.getByLabel('所在地区/单位').fill('江城市东湖区白沙街道');
  await page.getByLabel('类别').selectOption('助人为乐');
  const deed = `多年来坚持照料独居老人王某（身份证号${THIRD_PARTY_ID}），风雨无阻，邻里都称赞她。`;
  await page.getByLabel('一句话事迹').fill(deed);
  await page.getByRole('textbox', { name: '推荐人姓名', exact: true }).fill('李晓梅');
  await page.getByLabel('推荐人电话').fill(PHONE);
  await page.getByLabel('我承诺所填信息真实').check();
  await page.getByRole('button', { name: '提交推荐' }).click();
  await expect(page.getByText(SCREEN_MESSAGE)).toBeVisible();
  await expect(page.getByLabel('一句话事迹')).toHaveValue(deed);
  await expect(page.getByRole('region', { name: '推荐已提交' })).toHaveCount(0);
});

test('staff without JavaScript: a credit entry with a third party’s ID number and phone in 列入事由 gets a field error, then is saved masked', async ({ browser }) => {
  test.setTimeout(90_000);
  // Signed in with JavaScript (the sign-in page needs it), then the editor works with it switched off.
  const signing = await browser.newContext();
  await signIn(await signing.newPage(), ADMIN.username, ADMIN.password);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signing.storageState() });
  await signing.close();
  const page = await context.newPage();
  await page.goto('/admin/credit/batches');
  const title = `${day(0).slice(0, 4)}年打码测试第${Date.now().toString(36).slice(-5)}期`;
  await page.getByLabel('批次名称').fill(title);
  await page.getByRole('button', { name: '新建批次' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const batchId = /\/admin\/credit\/batches\/(\d+)/.exec(page.url())![1];

  await page.goto(`/admin/credit/entries/new?batch=${batchId}`);
  const form = page.getByRole('form', { name: '新建条目' });
  const category = (await form.locator('select[name="categoryId"] option', { hasText: '失信被执行人' }).first().textContent())!;
  await form.getByLabel('名单与类别').selectOption({ label: category });
  const name = `江城打码测试${Date.now().toString(36).slice(-4)}建材有限公司`;
  await form.getByLabel('名称').fill(name);
  await form.getByLabel('统一社会信用代码').fill(randomCode());
  const reason = `拒不履行生效判决确定的给付义务，涉及案外人（身份证号${THIRD_PARTY_ID}，联系电话${PHONE}）。`;
  await form.getByLabel('列入事由 / 守信事迹').fill(reason);
  await form.getByLabel('认定部门').fill('江城市中级人民法院');
  await form.getByLabel('认定依据文号').fill('（2026）江01执300号');
  await form.getByLabel('决定日期').fill(day(-5));
  await form.getByLabel('列入日期').fill(day(0));
  await form.getByRole('button', { name: '保存条目' }).click();

  const refused = page.getByRole('form', { name: '新建条目' });
  await expect(refused.locator('#field-reason-error')).toHaveText(SCREEN_MESSAGE);
  await expect(refused.getByLabel('列入事由 / 守信事迹')).toHaveValue(reason);
  await expect(refused.getByLabel('名称')).toHaveValue(name);
  const option = refused.getByRole('group', { name: '个人信息打码' });
  await expect(option).toContainText('身份证号只保留前6位和后4位');
  await option.getByLabel(/自动打码后保存/).check();
  await refused.getByRole('button', { name: '保存条目' }).click();

  await expect(page).toHaveURL(/\/admin\/credit\/entries\/\d+\?done=created/);
  const masked = `拒不履行生效判决确定的给付义务，涉及案外人（身份证号420102********1311，联系电话${PHONE.slice(0, 3)}****${PHONE.slice(-4)}）。`;
  await expect(page.getByText(masked)).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(THIRD_PARTY_ID);
  expect(html).not.toContain(PHONE);
  expect(findPii(html).filter((h) => h.digits === PHONE || h.digits === THIRD_PARTY_ID)).toEqual([]);
  await context.close();
});
