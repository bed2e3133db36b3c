// A citizen on the 好人榜: filters the list, opens a profile, likes (once a day) and comments, recommends
// someone and looks the receipt up; the recommender's phone never appears in public pages.
import { expect, test, type Page } from '@playwright/test';

const CATEGORIES = ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲'];

// A phone number no page could show by chance.
const PHONE = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const MASKED = `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`;

async function openFirstProfile(page: Page): Promise<string> {
  await page.goto('/good-people');
  const person = page.locator('main ul li a').first();
  const name = (await person.locator('span').first().textContent())!.trim();
  await person.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return name;
}

test('the list filters by category and shows only that category', async ({ page }) => {
  await page.goto('/good-people');
  await expect(page.getByRole('link', { name: '我推荐身边好人' })).toBeVisible();
  const filters = page.getByRole('form', { name: '筛选好人榜' });
  await filters.getByLabel('类别').selectOption('见义勇为');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/\/good-people\?category=/);

  const results = page.getByRole('region', { name: /筛选结果/ });
  const cards = results.getByRole('listitem');
  const n = await cards.count();
  expect(n).toBeGreaterThan(0);
  await expect(results.getByText('见义勇为', { exact: true })).toHaveCount(n);
  for (const other of CATEGORIES.filter((c) => c !== '见义勇为')) await expect(results.getByText(other, { exact: true })).toHaveCount(0);

  await page.getByRole('link', { name: '清除筛选' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '道德模范' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '第五届道德模范' })).toBeVisible();
});

test('the archive lists every published month with its count', async ({ page }) => {
  await page.goto('/good-people');
  await page.getByRole('link', { name: '全部往期榜单' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '往期榜单' })).toBeVisible();
  // The demo data has three published months; other journeys may publish more.
  const months = page.locator('main li');
  expect(await months.count()).toBeGreaterThanOrEqual(3);
  await expect(months.first()).toContainText(/\d+人/);
  await months.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/good-people\/batch\/\d{4}-\d{2}$/);
});

test('a citizen likes a person once a day and comments', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const name = await openFirstProfile(page);

  const count = page.getByText(/^点赞数：\d+$/);
  const before = Number((await count.textContent())!.replace(/\D/g, ''));
  const like = page.getByRole('button', { name: `为${name}点赞` });
  await like.click();
  await expect(page.getByRole('status').filter({ hasText: '点赞成功' })).toBeVisible();
  await expect(count).toHaveText(`点赞数：${before + 1}`);
  // The button says 已点赞 now, and again after a reload: the server knows this browser liked today.
  const liked = page.getByRole('button', { name: '已点赞' });
  await expect(liked).toBeDisabled();
  await expect(like).toHaveCount(0);
  await page.reload();
  await expect(liked).toBeDisabled();
  await expect(count).toHaveText(`点赞数：${before + 1}`);

  const body = `向${name}学习，为身边的榜样点赞！${Date.now()}`;
  const form = page.getByRole('form', { name: '发表评论' });
  await form.getByLabel('评论内容').fill(body);
  await form.getByRole('button', { name: '发表评论' }).click();
  await expect(form.getByRole('status')).toHaveText('评论已提交，审核通过后显示。');
  await expect(form.getByLabel('评论内容')).toHaveValue('');
  // Pending comments are not shown, not even after a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: /网友评论/ })).not.toContainText(body);
  await context.close();
});

test('a citizen recommends someone, gets a receipt and looks it up; the phone stays private', async ({ page }) => {
  const nominee = `林${Date.now().toString(36).slice(-4)}`;
  await page.goto('/good-people');
  await page.getByRole('link', { name: '我推荐身边好人' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '我推荐身边好人' })).toBeVisible();

  await page.getByLabel('被推荐人姓名').fill(nominee);
  await page.getByLabel('所在地区/单位').fill('江城市东湖区白沙街道');
  await page.getByLabel('类别').selectOption('孝老爱亲');
  await page.getByLabel('一句话事迹').fill('照顾瘫痪婆婆十多年');
  await expect(page.getByText('已输入9个字（30至200个字）')).toBeVisible();
  await page.getByLabel('详细事迹').fill('她每天早起为婆婆翻身擦洗。\n\n邻居们都说她是好儿媳。');
  await page.getByRole('textbox', { name: '推荐人姓名', exact: true }).fill('李晓梅');
  await page.getByLabel('推荐人电话').fill(PHONE);
  await page.getByLabel('我承诺所填信息真实').check();
  await page.getByRole('button', { name: '提交推荐' }).click();

  await expect(page.getByText('一句话事迹至少30个字，目前9个字')).toBeVisible();
  await expect(page.getByLabel('被推荐人姓名')).toHaveValue(nominee);
  await expect(page.getByLabel('一句话事迹')).toHaveValue('照顾瘫痪婆婆十多年');
  await expect(page.getByLabel('类别')).toHaveValue('孝老爱亲');
  await expect(page.getByLabel('详细事迹')).toHaveValue('她每天早起为婆婆翻身擦洗。\n\n邻居们都说她是好儿媳。');
  await expect(page.getByRole('textbox', { name: '推荐人姓名', exact: true })).toHaveValue('李晓梅');

  await page.getByLabel('一句话事迹').fill('三十年如一日悉心照料瘫痪在床的婆婆，端水喂饭、擦身翻身从不间断，邻里都称她是孝顺的好儿媳。');
  await expect(page.getByText('已输入45个字（30至200个字）')).toBeVisible();
  await page.getByLabel('我承诺所填信息真实').check();
  await page.getByRole('button', { name: '提交推荐' }).click();

  const receipt = page.getByRole('region', { name: '推荐已提交' });
  await expect(receipt).toContainText('请记下回执号，可凭回执号和推荐人电话查询办理进度');
  const receiptNo = (await receipt.locator('strong').textContent())!.trim();
  expect(receiptNo).toMatch(/^TJ\d{8}-[0-9A-Z]{6}$/);
  expect(await page.content()).not.toContain(PHONE);

  await receipt.getByRole('link', { name: '查询办理进度' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '推荐办理进度查询' })).toBeVisible();
  // A wrong phone gets the one neutral answer.
  await page.getByLabel('回执号').fill(receiptNo);
  await page.getByLabel('推荐人电话').fill('13800000000');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '未找到该回执号' })).toHaveText('未找到该回执号，或手机号不匹配');

  await page.getByLabel('回执号').fill(receiptNo.toLowerCase());
  await page.getByLabel('推荐人电话').fill(PHONE);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const result = page.getByRole('region', { name: '办理进度' });
  await expect(result).toContainText('待核实');
  await expect(result).toContainText(nominee);
  await expect(result).toContainText(MASKED);
  expect(await page.content()).not.toContain(PHONE);

  await page.goto('/good-people');
  expect(await page.content()).not.toContain(PHONE);
  await openFirstProfile(page);
  expect(await page.content()).not.toContain(PHONE);
});
