// A citizen searches the site: from the header, tabs per kind with counts, highlighted matches, a fragment
// of an article's body, 繁體 input finding the same as 简体, and the helpful page when nothing is found.
import { expect, test, type Page } from '@playwright/test';

const LOGISTICS = '江城市诚信达物流有限公司';

async function searchFromHeader(page: Page, text: string) {
  const form = page.getByRole('search', { name: '站内搜索' });
  await form.getByRole('searchbox', { name: '站内搜索' }).fill(text);
  await form.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole('heading', { level: 1, name: '站内搜索' })).toBeVisible();
}

const tabs = (page: Page) => page.getByRole('navigation', { name: '搜索结果分类' });
const results = (page: Page) => page.getByRole('region', { name: /搜索结果/ });

/** The count shown on a tab, e.g. 文明动态（12） -> 12. */
async function tabCount(page: Page, label: string): Promise<number> {
  const text = await tabs(page).getByRole('link', { name: new RegExp(`^${label}（`) }).innerText();
  return Number(/（(\d+)\+?）/.exec(text)![1]);
}

test('searching from the header shows tabs with counts and highlighted matches', async ({ page }) => {
  await page.goto('/');
  await searchFromHeader(page, '诚信');
  for (const label of ['全部', '文明动态', '好人榜', '红黑榜']) {
    await expect(tabs(page).getByRole('link', { name: new RegExp(`^${label}（\\d+\\+?）$`) })).toBeVisible();
  }
  await expect(tabs(page).getByRole('link', { name: /^全部/ })).toHaveAttribute('aria-current', 'page');
  expect(await tabCount(page, '文明动态')).toBeGreaterThan(0);
  expect(await tabCount(page, '红黑榜')).toBeGreaterThan(0);
  const all = await tabCount(page, '全部');
  expect(all).toBe((await tabCount(page, '文明动态')) + (await tabCount(page, '好人榜')) + (await tabCount(page, '红黑榜')));

  const marks = results(page).locator('mark');
  await expect(marks.first()).toHaveText('诚信');
  // Title matches come first: the first result's title carries a mark.
  await expect(results(page).getByRole('listitem').first().getByRole('heading').locator('mark').first()).toHaveText('诚信');

  // The 红黑榜 tab lists only credit entries, each with its badge and a link to the entry.
  await tabs(page).getByRole('link', { name: /^红黑榜/ }).click();
  await expect(page).toHaveURL(/type=credit/);
  await expect(tabs(page).getByRole('link', { name: /^红黑榜/ })).toHaveAttribute('aria-current', 'page');
  const items = results(page).getByRole('listitem');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBe(Math.min(20, await tabCount(page, '红黑榜')));
  for (const badge of await items.locator('span', { hasText: /^(文明动态|好人榜|红黑榜)$/ }).allInnerTexts()) expect(badge).toBe('红黑榜');
  await expect(items.first().getByRole('link').first()).toHaveAttribute('href', /^\/credit\/\d+$/);
});

test('a three-character fragment of a company name finds the company', async ({ page }) => {
  await page.goto('/search?q=达物流');
  const link = results(page).getByRole('link', { name: LOGISTICS });
  await expect(link).toBeVisible();
  await expect(link.locator('mark')).toHaveText('达物流');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LOGISTICS);
});

test('a fragment of an article body finds the article', async ({ page }) => {
  await page.goto('/news');
  // An article link (not a channel or tag link).
  const firstArticle = page.locator('main a[href^="/news/"]:not([href^="/news/channel"]):not([href^="/news/tag"])').first();
  await page.goto((await firstArticle.getAttribute('href'))!);
  await expect(page.locator('.article-body')).toBeVisible();
  const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const paragraphs = await page.locator('.article-body p').allInnerTexts();
  // Eight letters from the middle of the longest paragraph (punctuation separates search words).
  const source = paragraphs.reduce((a, b) => (Array.from(b).length > Array.from(a).length ? b : a), '');
  const chars = Array.from(source);
  let fragment = '';
  for (let at = Math.floor(chars.length / 2); at < chars.length - 8; at++) {
    fragment = chars.slice(at, at + 8).join('');
    if (/^[\p{L}\p{N}]+$/u.test(fragment) && !title.includes(fragment)) break;
  }
  expect(fragment).toMatch(/^[\p{L}\p{N}]{8}$/u);

  await searchFromHeader(page, fragment);
  await tabs(page).getByRole('link', { name: /^文明动态/ }).click();
  await expect(results(page).getByRole('link', { name: title, exact: true })).toBeVisible();
  // The snippet shows the body around the fragment, highlighted.
  await expect(results(page).locator('p mark', { hasText: fragment }).first()).toBeVisible();
});

test('誠信 in Traditional characters finds the same as 诚信', async ({ page }) => {
  await page.goto('/search?q=诚信');
  const simplified = await results(page).getByRole('listitem').getByRole('heading').allInnerTexts();
  const counts = await tabs(page).getByRole('link').allInnerTexts();
  await page.goto(`/search?q=${encodeURIComponent('誠信')}`);
  await expect(page.getByRole('search', { name: '搜索本站内容' }).getByRole('searchbox')).toHaveValue('诚信');
  expect(await tabs(page).getByRole('link').allInnerTexts()).toEqual(counts);
  expect(await results(page).getByRole('listitem').getByRole('heading').allInnerTexts()).toEqual(simplified);
  await expect(results(page).locator('mark').first()).toHaveText('诚信');
});

test('nothing found: the query is echoed with suggestions and channels to browse', async ({ page }) => {
  await page.goto('/');
  await searchFromHeader(page, '<b>不存在的词语</b>');
  const empty = page.getByRole('region', { name: /没有找到与“.*”相关的内容/ });
  // Echoed as text, never as markup.
  await expect(empty.getByRole('heading', { level: 2 })).toHaveText('没有找到与“<b>不存在的词语</b>”相关的内容');
  await expect(empty).toContainText('检查关键词是否有错别字');
  await expect(empty).toContainText('减少关键词的数量');
  await expect(empty.getByRole('link', { name: '要闻' })).toHaveAttribute('href', /^\/news\/channel\//);
  await expect(empty.getByRole('link', { name: '好人榜' })).toHaveAttribute('href', '/good-people');
  await expect(empty.getByRole('link', { name: '失信黑榜' })).toHaveAttribute('href', '/credit/black');
  await expect(page.locator('b', { hasText: '不存在的词语' })).toHaveCount(0);
  for (const label of ['全部', '文明动态', '好人榜', '红黑榜']) await expect(tabs(page).getByRole('link', { name: `${label}（0）` })).toBeVisible();
});

test('a credit code with a wrong check character gets the same message as on /credit, and a one-character query is asked again', async ({ page }) => {
  await page.goto('/search?q=91350100M000100Y44');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('统一社会信用代码校验位不正确：按前17位计算，第18位应为“3”。请核对后重新输入。');
  await expect(page.getByRole('region', { name: /没有找到/ })).toContainText('最后一位是按前17位计算的校验位');

  await page.goto('/search?q=诚');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('请至少输入2个字');
});
