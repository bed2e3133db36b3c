// What a first real use on a phone and a desktop showed (issue 16, citizens): credit lists as cards on a
// phone, one shell and a message on every 404 (JavaScript on and off), the menu in 大字版, 繁體 pages without
// React errors, titles, breadcrumbs, pictures, article tools, receipts, landline look-ups and 办理时限.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { freshAddress } from './security-helpers';

const SITE = '江城文明网';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A context of its own (cookies, address for rate limits), optionally a phone, 大字版, no JavaScript, 繁體. */
async function contextFor(browser: Browser, options: { width?: number; js?: boolean; large?: boolean; hant?: boolean; baseURL?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    javaScriptEnabled: options.js ?? true,
    extraHTTPHeaders: { 'X-Forwarded-For': freshAddress() },
  });
  if (options.large) await context.addInitScript(() => window.localStorage.setItem('a11y-font', 'large'));
  if (options.hant) await context.addCookies([{ name: 'zh-script', value: 'hant', url: options.baseURL! }]);
  return context;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The cards' links to profiles on a 好人榜 page (they hold the picture). */
const personLinks = (page: Page) => page.locator('main ul li a[href^="/good-people/"]').filter({ has: page.locator('img') });

/** The path of the 动员大会 article (it has a table), found like a reader would: on its channel. */
async function mobilizationArticle(page: Page): Promise<string> {
  await page.goto('/news/channel/yaowen');
  const link = page.getByRole('link', { name: /创建全国文明城市动员大会召开/ }).first();
  return (await link.getAttribute('href'))!;
}

test('credit entries are one table: cards on a phone, a table on a desktop, without JavaScript too', async ({ browser }) => {
  /** What CSS shows before a cell: the card's label (data-label). */
  const labelOf = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el, '::before').content);
  for (const js of [true, false]) {
    const phone = await contextFor(browser, { width: 360, js });
    const page = await phone.newPage();
    for (const path of ['/credit/black', '/credit/red', '/credit?q=%E5%AE%9D%E4%B8%B0']) {
      await page.goto(path);
      const table = page.getByTestId('credit-entries').first();
      await expect(table, path).toBeVisible();
      // The column headers are kept for screen readers only; each row is a card.
      expect((await table.locator('thead').boundingBox())!.width, `${path}: headers hidden on a phone`).toBeLessThanOrEqual(1);
      const first = table.locator('tbody tr').first();
      expect(await first.evaluate((row) => getComputedStyle(row).display), path).toBe('grid');
      // Name, list or category, code and dates in one card, labelled, within the screen.
      await expect(first.getByRole('link')).toBeVisible();
      expect(await labelOf(first.locator('td[data-label]').last()), path).toMatch(/认定日期|公示截止/);
      const box = (await first.boundingBox())!;
      expect(box.x + box.width, path).toBeLessThanOrEqual(360);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
      // The name is not squeezed: one or two lines, not five.
      const name = (await first.getByRole('link').boundingBox())!;
      expect(name.height, `${path}: name lines`).toBeLessThan(60);
      // Rendered once: an entry's link is in the page once, not once per layout.
      const href = (await first.getByRole('link').getAttribute('href'))!;
      expect(await page.locator(`main a[href="${href}"]`).count(), path).toBe(1);
    }
    await expect(page.locator('mark').first()).toBeVisible();
    await phone.close();
  }
  const desktop = await contextFor(browser);
  const page = await desktop.newPage();
  await page.goto('/credit/black');
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '认定日期' })).toBeVisible();
  const row = table.locator('tbody tr').first();
  expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe('table-row');
  expect(await labelOf(row.locator('td[data-label]').first())).toBe('none');
  await desktop.close();
});

test('a missing page has one header, one footer, one main and the message in the HTML, with JavaScript off and on', async ({ browser, request }) => {
  const missing: [string, RegExp][] = [
    ['/good-people/99999', /尚未公开或已撤下/],
    ['/credit/999999', /公示期满后自动停止公示/],
    ['/news/does-not-exist', /已撤下、更名/],
    ['/news?page=99', /页码超出了列表的范围/],
    ['/credit/black?page=999', /页码超出了列表的范围/],
    ['/no-such-section/x', /可能已被移除/],
  ];
  for (const js of [false, true]) {
    const context = await contextFor(browser, { js });
    const page = await context.newPage();
    for (const [path, message] of missing) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: '页面不存在' }), path).toBeVisible();
      await expect(page.getByTestId('not-found'), path).toContainText(message);
      const counts = await page.evaluate(() => ({
        header: document.querySelectorAll('header.site-header').length,
        footer: document.querySelectorAll('footer').length,
        main: document.querySelectorAll('main').length,
        skip: document.querySelectorAll('a.skip-link').length,
      }));
      expect(counts, `${path} (JavaScript ${js ? 'on' : 'off'})`).toEqual({ header: 1, footer: 1, main: 1, skip: 1 });
      await expect(page).toHaveTitle(new RegExp(`- ${SITE}$`));
    }
    await context.close();
  }
  // The document itself carries the message (what crawlers and readers without JavaScript get).
  const html = await request.get('/credit/999999');
  expect(html.status()).toBe(404);
  const body = await html.text();
  expect(body).toContain('公示期满后自动停止公示');
  expect(body).not.toContain('id="__next_error__"');
});

test('大字版 on a 360 px phone shows every section of the menu and the whole search hint', async ({ browser }) => {
  const context = await contextFor(browser, { width: 360, large: true });
  const page = await context.newPage();
  for (const path of ['/', '/credit', '/good-people']) {
    await page.goto(path);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const label of ['首页', '文明动态', '好人榜', '诚信红黑榜']) {
      const link = nav.getByRole('link', { name: label, exact: true });
      await expect(link, `${path}: ${label}`).toBeInViewport({ ratio: 1 });
      await expect(link).toHaveText(label);
    }
    expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    // The placeholder fits its field.
    const fits = await page.getByRole('searchbox', { name: '站内搜索' }).evaluate((input: HTMLInputElement) => {
      const probe = document.createElement('span');
      const style = getComputedStyle(input);
      for (const name of ['fontFamily', 'fontSize', 'fontWeight', 'letterSpacing'] as const) probe.style[name] = style[name];
      probe.style.position = 'absolute';
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = input.placeholder;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width <= input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 1;
    });
    expect(fits, `${path}: search placeholder is cut`).toBe(true);
  }
  await context.close();
});

test('繁體 pages hydrate without React errors, and forms still send Simplified values', async ({ browser, baseURL, page: simplified }) => {
  test.setTimeout(120_000); // a dozen page loads, each waiting for the network to go quiet
  // Addresses found in Simplified (link names are Traditional in 繁體 mode).
  const article = await mobilizationArticle(simplified);
  await simplified.goto('/good-people');
  const profile = (await personLinks(simplified).first().getAttribute('href'))!;
  const context = await contextFor(browser, { hant: true, baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  for (const path of ['/', '/news', article, '/good-people', profile, '/good-people/recommend', '/credit', '/credit/black', '/credit/objection/status', '/search?q=%E6%96%87%E6%98%8E']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await page.waitForLoadState('networkidle');
  }
  expect(errors).toEqual([]);
  // Client components show Traditional text; option values stay what the server checks.
  await page.goto('/good-people/recommend');
  await expect(page.getByRole('button', { name: '提交推薦' })).toBeVisible();
  await expect(page.getByText('選擇照片', { exact: true })).toBeVisible();
  await expect(page.locator('option[value="助人为乐"]')).toHaveText('助人為樂');
  await context.close();
});

test('titles name the site; /favicon.ico exists; breadcrumbs start at 首页', async ({ page, request }) => {
  await page.goto('/news');
  await expect(page).toHaveTitle(`文明动态 - ${SITE}`);
  await page.goto('/');
  await expect(page).toHaveTitle(new RegExp(`^${SITE}`));
  const icon = await request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/');
  for (const path of ['/news', '/news/channel/yaowen', '/good-people', '/credit', '/credit/black', '/credit/batch', '/credit/objection', '/good-people/recommend', '/search?q=%E6%96%87%E6%98%8E']) {
    await page.goto(path);
    const crumbs = page.getByRole('navigation', { name: '位置' });
    await expect(crumbs, path).toBeVisible();
    await expect(crumbs.getByRole('link').first(), path).toHaveText('首页');
    await expect(crumbs.getByRole('link').first()).toHaveAttribute('href', '/');
  }
});

test('pictures: a focus image on the home page, covers and portraits with sizes, lazy loading and 示意图 alt text', async ({ page, request }) => {
  await page.goto('/');
  const focus = page.getByRole('region', { name: '文明动态' }).locator('img').first();
  await expect(focus).toBeVisible();
  await expect(focus).toHaveAttribute('loading', 'eager');
  await expect(focus).toHaveAttribute('fetchpriority', 'high');
  await expect(focus).toHaveAttribute('alt', /示意图/);
  expect(await focus.getAttribute('srcset')).toMatch(/320w.*800w/);
  expect(await focus.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const src = (await focus.getAttribute('src'))!;
  const file = await request.get(src);
  expect(file.headers()['content-type']).toBe('image/webp');

  await page.goto('/good-people');
  const cards = page.locator('main ul li img');
  expect(await cards.count()).toBeGreaterThan(3);
  await expect(cards.first()).toHaveAttribute('loading', 'lazy');
  expect(await cards.first().getAttribute('srcset')).toContain('320w');
  // On cards the picture is decorative (the link names the person); the 示意图 label is visible.
  await expect(cards.first()).toHaveAttribute('alt', '');
  await expect(personLinks(page).first().getByText('示意图')).toBeVisible();

  await personLinks(page).first().click();
  const portrait = page.locator('main figure img');
  await expect(portrait).toHaveAttribute('alt', /示意图.*非本人照片/);
  await expect(portrait).toHaveAttribute('srcset', /320w/);
  await expect(page.locator('main figure').filter({ has: page.locator('img[srcset]') }).locator('figcaption')).toContainText('示意图');
});

test('an article: head picture, 【打印】【关闭】, tables that scroll on a phone instead of squeezing names', async ({ browser }) => {
  const context = await contextFor(browser, { width: 360 });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.goto(await mobilizationArticle(page));
  const head = page.locator('article figure img').first();
  await expect(head).toHaveAttribute('alt', /示意图/);
  await expect(head).toHaveAttribute('loading', 'eager');
  await page.getByRole('button', { name: '【打印】' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByRole('button', { name: '【关闭】' })).toBeVisible();

  const table = page.getByRole('region', { name: '表格' }).first();
  await expect(table).toBeVisible();
  await expect(table.getByText('表格较宽，可左右滑动查看')).toBeVisible();
  await expect(table).toHaveAttribute('tabindex', '0');
  // At 360 px no cell is squeezed below four characters (a name is never one character per line): the
  // district names stay on one line, and the region scrolls while the page does not.
  const narrowest = await table.locator('td, th').evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))));
  expect(narrowest).toBeGreaterThanOrEqual(4);
  const lines = await table.locator('tbody tr td:first-child').evaluateAll((cells) =>
    cells.map((cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    }),
  );
  expect(lines.length).toBeGreaterThan(2);
  expect(lines.every((n) => n === 1), `lines per name: ${lines.join(',')}`).toBe(true);
  expect(await table.evaluate((region) => region.scrollWidth > region.clientWidth)).toBe(true);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await context.close();
});

test('a 好人 profile has the share box', async ({ page }) => {
  await page.goto('/good-people');
  await personLinks(page).first().click();
  const share = page.getByRole('region', { name: '分享本页' });
  await expect(share).toBeVisible();
  await expect(share.getByRole('img', { name: '本页地址的二维码' })).toBeVisible();
  await expect(share.getByRole('button', { name: '复制链接' })).toBeVisible();
  await expect(share).toContainText(/\/good-people\/\d+/);
});

test('search snippets say the summary once and mark words without gaps', async ({ page }) => {
  await page.goto('/search?q=%E6%96%87%E6%98%8E%E5%AE%9E%E8%B7%B5&type=news');
  const snippets = page.locator('main ol > li article p.leading-relaxed');
  expect(await snippets.count()).toBeGreaterThan(2);
  for (const text of await snippets.allTextContents()) {
    // No stretch of 15 characters twice (the summary, then the same opening sentence again).
    const chars = Array.from(text.replace(/…/g, ''));
    const seen = new Set<string>();
    for (let i = 0; i + 15 <= chars.length; i++) {
      const piece = chars.slice(i, i + 15).join('');
      expect(seen.has(piece), `repeated in: ${text}`).toBe(false);
      seen.add(piece);
    }
    expect(text, 'a space between Chinese characters').not.toMatch(/[\u4e00-\u9fff] +[\u4e00-\u9fff]/);
  }
  const mark = page.locator('main mark').first();
  expect(await mark.evaluate((m) => getComputedStyle(m).paddingLeft)).toBe('0px');
});

test('a recommendation: Chinese file button, whole receipt number, a status link carrying it, copy button, landline look-up and 办理时限', async ({ browser }) => {
  const context = await contextFor(browser, { width: 360 });
  const page = await context.newPage();
  await page.goto('/good-people/recommend');
  await expect(page.getByText('选择照片', { exact: true })).toBeVisible();
  await expect(page.getByText('Choose Files')).toHaveCount(0);
  await page.getByLabel('被推荐人姓名').fill('欧阳秀兰');
  await page.getByLabel('所在地区/单位').fill('江南区长湖街道新苑社区');
  await page.getByLabel('类别').selectOption({ label: '孝老爱亲' });
  await page.getByLabel('一句话事迹').fill('二十年如一日照料瘫痪在床的婆婆，端水喂饭、擦身翻身从不间断，邻里都称赞她是孝顺的好儿媳。');
  await page.getByLabel('照片').setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByText('照片.png')).toBeVisible();
  await page.getByRole('textbox', { name: '推荐人姓名', exact: true }).fill('王建华');
  await page.getByLabel('推荐人电话').fill('027-8888 6666');
  await page.getByLabel('我承诺所填信息真实').check();
  await page.getByRole('button', { name: '提交推荐' }).click();

  const receipt = page.getByRole('region', { name: '推荐已提交' });
  const number = receipt.getByTestId('receipt-no');
  const receiptNo = (await number.textContent())!.trim();
  expect(receiptNo).toMatch(/^TJ\d{8}-[0-9A-Z]{6}$/);
  expect(await number.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('nowrap');
  // One line: the number never breaks at its hyphen, and fits the phone.
  const lineHeight = await number.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await number.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  await expect(receipt.getByRole('button', { name: '复制回执号' })).toBeVisible();
  const status = receipt.getByRole('link', { name: '查询办理进度' });
  await expect(status).toHaveAttribute('href', `/good-people/recommend/status?no=${receiptNo}`);
  await status.click();

  await expect(page.getByRole('heading', { level: 1, name: '推荐办理进度查询' })).toBeVisible();
  await expect(page.getByTestId('handling-time')).toContainText(/\d+ 个工作日/);
  await expect(page.getByLabel('回执号')).toHaveValue(receiptNo);
  // The landline typed another way than when recommending.
  await page.getByLabel('推荐人电话').fill('02788886666');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('region', { name: '办理进度' })).toContainText('待核实');
  await context.close();
});

test('an objection filed with 027-88886666 is found with "027 8888 6666"; the status page says the 办理时限', async ({ browser }) => {
  const context = await contextFor(browser);
  const page = await context.newPage();
  await page.goto('/credit/black');
  await page.locator('tbody a[href^="/credit/"]').first().click();
  await page.getByRole('link', { name: '对此信息有异议？申请异议申诉或信用修复' }).click();
  await page.getByRole('radio', { name: /^异议申诉/ }).check();
  await page.getByLabel('申请人姓名').fill('江城某公司经办人');
  await page.getByRole('textbox', { name: '联系电话' }).fill('027-88886666');
  await page.getByLabel('申请说明').fill('公示信息中的认定日期与认定文书不一致，现提交认定文书复印件，请核实后更正。');
  await expect(page.getByText('选择文件', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: /本人承诺/ }).check();
  await page.getByRole('button', { name: '提交申请' }).click();
  const done = page.getByRole('status', { name: '申请已提交' });
  await expect(done).toBeVisible();
  const trackingNo = (await page.getByTestId('tracking-no').textContent())!.trim();
  await expect(done.getByRole('button', { name: '复制受理编号' })).toBeVisible();
  await done.getByRole('link', { name: '查询办理进度' }).click();

  await expect(page.getByTestId('handling-time')).toContainText(/异议申诉自受理之日起 \d+ 个工作日内办结/);
  await expect(page.getByRole('textbox', { name: '受理编号' })).toHaveValue(trackingNo);
  await page.getByRole('textbox', { name: '联系电话' }).fill('027 8888 6666');
  await page.getByRole('button', { name: '查询进度' }).click();
  await expect(page.getByTestId('objection-status')).toHaveText('待审核');
  await context.close();
});
