// 适老化 and accessibility (WCAG 2.1 AA, GB/T 37668-2019): axe-core on every public page kind in the normal,
// high-contrast and large-font modes; keyboard use of the header, the display switches and the forms; print.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FONT_KEY = 'a11y-font';
const CONTRAST_KEY = 'a11y-contrast';

type Mode = 'normal' | 'high-contrast' | 'large-font';

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** One readable block per violation: rule, impact, what to fix, and every offending element. */
function describeViolations(violations: Violations): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n');
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

async function useMode(page: Page, mode: Mode): Promise<void> {
  if (mode === 'normal') return;
  const [key, value] = mode === 'high-contrast' ? [CONTRAST_KEY, 'high'] : [FONT_KEY, 'large'];
  // Stored before any page script runs, as if chosen on an earlier visit.
  await page.addInitScript(([k, v]) => window.localStorage.setItem(k, v), [key, value] as const);
}

// High contrast changes colours only (app/globals.css [data-contrast=high]): the structure, names and
// roles are those the normal pass checks, so that mode runs the rules about colour.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

function expectNoSerious(violations: Violations, label: string): void {
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(describeViolations(serious), `axe found serious or critical violations on ${label}`).toBe('');
}

/**
 * axe with every WCAG rule on the page as it is now; fails on serious or critical violations. Only violations are
 * read (axe then skips collecting the nodes of every passing check). Legacy mode runs axe in the page itself: the
 * default mode opened a blank page after every run to merge the frames' results, and injected axe into it again,
 * twice the time of the check on pages that have no frames to merge (the public pages have none).
 */
async function expectNoSeriousViolationsHere(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).analyze();
  expectNoSerious(results.violations, label);
}

/** The colour rules again, by the axe the check above left in this page: no second injection of its 500 kB. */
async function expectNoSeriousColourViolationsHere(page: Page, label: string): Promise<void> {
  const violations = await page.evaluate(async (rules) => {
    const axe = (window as unknown as { axe?: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    if (!axe) throw new Error('axe is not in the page: run the full check first');
    return (await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] })).violations;
  }, COLOUR_RULES);
  expectNoSerious(violations as Violations, label);
}

async function expectNoSeriousViolations(page: Page, path: string, mode: Mode): Promise<void> {
  await page.goto(path);
  if (mode === 'high-contrast') await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  if (mode === 'large-font') await expect(page.locator('html')).toHaveAttribute('data-font', 'large');
  await expectNoSeriousViolationsHere(page, `${path} (${mode})`);
}

/** The first link on `path` whose address matches `pattern` (seeded ids and slugs are not fixed). */
async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${path}`);
  return href;
}

const FIXED_PAGES = [
  '/',
  '/news',
  '/news/channel/zhiyuan',
  '/good-people',
  '/good-people/batch',
  '/good-people/vote',
  '/good-people/recommend',
  '/good-people/recommend/status',
  '/credit',
  '/credit?q=诚信',
  '/credit/red',
  '/credit/black',
  '/credit/batch',
  '/credit/objection',
  '/credit/objection/status',
  '/search?q=诚信',
  '/ledger',
  '/ledger?overdue=1',
  '/units',
  '/snap',
  '/snap/status',
  '/no-such-page-for-a11y-check',
  '/login',
];

const pages: string[] = [...FIXED_PAGES];

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  const article = await firstHref(page, '/news', /^\/news\/(?!channel\/|tag\/)[^/?]+$/);
  const tag = await firstHref(page, article, /^\/news\/tag\//);
  const profile = await firstHref(page, '/good-people', /^\/good-people\/\d+$/);
  const batch = await firstHref(page, '/good-people', /^\/good-people\/batch\/\d{4}-\d{2}$/);
  const entry = await firstHref(page, '/credit/black', /^\/credit\/\d+$/);
  const creditBatch = await firstHref(page, '/credit', /^\/credit\/batch\/\d+$/);
  const item = await firstHref(page, '/ledger', /^\/ledger\/ZG-\d{4}-\d+$/);
  const unit = await firstHref(page, '/units', /^\/units\/\d+$/);
  // 随手拍's second step: the similar open items and the report form.
  await page.goto('/snap');
  const category = await page.locator('#snap-category option').nth(1).getAttribute('value');
  const area = await page.locator('#snap-area option').nth(1).getAttribute('value');
  pages.push(`/snap?category=${category}&area=${encodeURIComponent(area!)}`);
  pages.push(article, tag, profile, batch, entry, creditBatch, `/credit/objection?entry=${entry.split('/').pop()}`, item, unit);
  await page.close();
});

/**
 * The colour rules again in the high-contrast palette, switched on the page already loaded: what the page script
 * applies before the first paint for a stored choice (data-contrast="high" on <html>, which globals.css keys on;
 * the keyboard test below proves the stored choice is applied after a reload), without loading the page twice.
 */
async function expectNoSeriousColourViolationsInHighContrast(page: Page, path: string): Promise<void> {
  await page.evaluate(() => {
    document.documentElement.dataset.contrast = 'high';
  });
  await expectNoSeriousColourViolationsHere(page, `${path} (high-contrast)`);
}

// Every public page kind in the normal palette (every WCAG rule) and the high-contrast one (the colour rules), in
// thirds so that no test nears its timeout as the site grows.
for (const [part, of] of [
  [0, 3],
  [1, 3],
  [2, 3],
] as const) {
  test(`axe: no serious or critical violations on any public page kind, normal and high contrast (part ${part + 1} of ${of})`, async ({ page }) => {
    test.setTimeout(180_000);
    for (const path of pages.filter((_, i) => i % of === part)) {
      await test.step(path, async () => {
        await expectNoSeriousViolations(page, path, 'normal');
        await expectNoSeriousColourViolationsInHighContrast(page, path);
      });
    }
  });
}

test('axe: large font mode on a few pages, also with high contrast', async ({ page }) => {
  test.setTimeout(90_000);
  await useMode(page, 'large-font');
  for (const path of ['/', '/good-people/recommend', '/credit/red', pages[pages.length - 1]!]) {
    await test.step(path, () => expectNoSeriousViolations(page, path, 'large-font'));
  }
  await useMode(page, 'high-contrast');
  await test.step('/ (large font + high contrast)', () => expectNoSeriousViolations(page, '/', 'high-contrast'));
});

test('large font keeps pages within a 360px wide phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await useMode(page, 'large-font');
  for (const path of ['/', '/good-people/recommend', '/credit', pages.find((p) => /^\/news\/(?!channel|tag)/.test(p))!, pages.find((p) => /^\/good-people\/\d+$/.test(p))!]) {
    await page.goto(path);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), path).toBe('20px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways in large font`).toBeLessThanOrEqual(0);
  }
});

/** Presses Tab until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 20): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('keyboard: skip link first, then the switches, search and the main navigation', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();

  // Everything after the skip link, in order, by its accessible role and name.
  const header = page.getByRole('banner');
  const order = [
    header.getByRole('button', { name: '大字版' }),
    header.getByRole('button', { name: '高对比度' }),
    header.getByRole('searchbox', { name: '站内搜索' }),
    header.getByRole('button', { name: '搜索' }),
    ...['首页', '文明动态', '好人榜', '诚信红黑榜'].map((name) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name })),
  ];
  for (const target of order) await tabTo(page, target, 6);

  // The skip link moves focus to the main content.
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('keyboard: 大字版 and 高对比度 toggle with Enter and Space and are remembered after reload', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  const large = page.getByRole('button', { name: '大字版' });
  const contrast = page.getByRole('button', { name: '高对比度' });
  await expect(large).toHaveAttribute('aria-pressed', 'false');
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');

  await tabTo(page, large);
  await page.keyboard.press('Enter');
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-font', 'large');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');

  await page.keyboard.press('Tab');
  await expect(contrast).toBeFocused();
  await page.keyboard.press('Space');
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await expect(html).toHaveAttribute('data-contrast', 'high');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');

  // Remembered: applied on the next page load before anything is clicked, and shown as pressed.
  await page.reload();
  await expect(html).toHaveAttribute('data-font', 'large');
  await expect(html).toHaveAttribute('data-contrast', 'high');
  await expect(large).toHaveAttribute('aria-pressed', 'true');
  await expect(contrast).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/credit');
  await expect(html).toHaveAttribute('data-contrast', 'high');

  // And switched off again the same way.
  await tabTo(page, large);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(large).toHaveAttribute('aria-pressed', 'false');
  await expect(contrast).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(html).not.toHaveAttribute('data-font', /.+/);
  await expect(html).not.toHaveAttribute('data-contrast', /.+/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
});

/** Tabs from the top of the page to `submit`, returning the id (or name) of every element focused on the way. */
async function focusPathTo(page: Page, submit: Locator, max = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.id || el?.getAttribute('name') || el?.textContent?.trim() || '';
    }));
    if (await submit.evaluate((el) => el === document.activeElement)) return seen;
  }
  throw new Error(`Tab never reached the submit button; focus went through: ${seen.join(', ')}`);
}

test('keyboard: every field of the 推荐 form is reached by Tab, in order, and focus leaves the form', async ({ page }) => {
  await page.goto('/good-people/recommend');
  const submit = page.getByRole('button', { name: '提交推荐' });
  const seen = await focusPathTo(page, submit);
  const fields = ['field-nomineeName', 'field-region', 'field-category', 'field-deed', 'field-story', 'field-photos', 'field-recommenderName', 'field-recommenderPhone', 'field-consent'];
  const positions = fields.map((id) => seen.indexOf(id));
  expect(positions.filter((p) => p < 0), `fields never focused; focus went through: ${seen.join(', ')}`).toEqual([]);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  await page.keyboard.press('Tab');
  await expect(submit).not.toBeFocused();
});

test('keyboard: the objection form and the comment form are reachable by Tab', async ({ page }) => {
  const entry = pages.find((p) => p.startsWith('/credit/objection?entry='))!;
  await page.goto(entry);
  let seen = await focusPathTo(page, page.getByRole('button', { name: '提交申请' }));
  for (const id of ['kind', 'field-applicantName', 'field-applicantPhone', 'field-explanation', 'field-attachments', 'consent']) {
    expect(seen, `objection form field ${id}`).toContain(id);
  }

  await page.goto(pages.find((p) => /^\/good-people\/\d+$/.test(p))!);
  seen = await focusPathTo(page, page.getByRole('button', { name: '发表评论' }), 120);
  for (const id of ['field-nickname', 'field-body']) expect(seen, `comment form field ${id}`).toContain(id);
});

test('print: articles and profiles print without controls, in black on white, with link addresses', async ({ page }) => {
  const article = pages.find((p) => /^\/news\/(?!channel|tag)/.test(p))!;
  await page.goto(article);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '高对比度' })).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('region', { name: '分享本文' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.article-body')).toBeVisible();
  expect(await page.locator('.article-body').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
  // A link in the body is followed by its address (the seeded bodies have none: add one as an editor would).
  await page.locator('.article-body').evaluate((body) => {
    const link = document.createElement('a');
    link.href = 'https://www.example.org/wenming';
    link.textContent = '活动报名';
    body.appendChild(link);
  });
  const after = await page.locator('.article-body a[href]').last().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toMatch(/attr\(href\)|https:\/\/www\.example\.org\/wenming/);

  // High contrast on screen still prints black on white.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '高对比度' }).click();
  await page.goto(pages.find((p) => /^\/good-people\/\d+$/.test(p))!);
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: /点赞/ })).toBeHidden();
  await expect(page.getByRole('heading', { name: '发表评论' })).toBeHidden();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: '我为政府网站找错' })).toBeHidden();
});
