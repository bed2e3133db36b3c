// Crawls the public site (pages, feeds, sitemap, robots.txt, JSON endpoints, 繁體 mode, search results)
// breadth-first and proves two things about every answer: no full ID number, mobile number or bank card
// number appears in its body or headers (lib/pii-detect.ts), and every sub-resource an HTML page or
// stylesheet refers to is served by the portal itself (no CDN, no third-party host). Before the crawl,
// numbers are planted through free-text fields: citizens' forms refuse them, staff forms refuse them and
// then save them masked, and the masked article and profile are published for the crawl to find.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { describePii, findPii } from '../lib/pii-detect';
import { ADMIN_LOGIN, anonymousRequest, callAction, freshAddress, loadActions, signInRequest, type ActionRef } from './security-helpers';

const MAX_URLS = 450;
/** How many addresses of one shape (digits and query values aside) to visit: many details, few list pages. */
const PER_SHAPE = { detail: 90, other: 10 };
// /api/script sets the 简/繁 cookie: the crawl does 繁體 mode on purpose, with a context of its own.
const NOT_PUBLIC = [/^\/admin(\/|$)/, /^\/login/, /^\/api\/auth\//, /^\/api\/script/, /^\/_next\//, /^\/media\//];
const BINARY = /\.(png|jpe?g|webp|gif|ico|svg|pdf|woff2?|ttf|js|css|map|xlsx)$/i;

const PHONE_REC = '13912340001';
const PHONE_OBJ = '15812340002';
const FIXED_ID = '420102197803151311';
const FIXED_ID_MASKED = '420102********1311';
// Planted through free-text fields: random, so that no page could show them by chance.
const PLANT_PHONE = `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
const PLANT_PHONE_MASKED = `${PLANT_PHONE.slice(0, 3)}****${PLANT_PHONE.slice(-4)}`;
const PLANT_CARD = '6222021234567890128';
const PLANT_WORD = '打码核验';
const SCREEN_MESSAGE = /^请勿填写身份证号、手机号或银行卡号等个人信息（第\d+个字附近）$/;

type Page = { url: string; status: number; contentType: string; body: string; hant: boolean };

let baseURL: string;
let origin: string;
const pages: Page[] = [];

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/').replace(/&quot;/g, '"');
}

function shapeOf(url: URL): { key: string; detail: boolean } {
  const path = url.pathname.replace(/\d+/g, 'N');
  const query = [...url.searchParams.keys()].sort().join('&');
  return { key: `${path}?${query}`, detail: !query && path.includes('N') };
}

/** Same-origin addresses a page links to (href, src, srcset, <loc>, <link>), as path + query. */
function linksOf(body: string, from: string): string[] {
  const found: string[] = [];
  for (const m of body.matchAll(/\b(?:href|src)=["']([^"'#]+)/g)) found.push(m[1]!);
  for (const m of body.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) found.push(m[1]!.trim());
  const out: string[] = [];
  for (const raw of found) {
    let url: URL;
    try {
      url = new URL(decodeEntities(raw), new URL(from, origin));
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    if (NOT_PUBLIC.some((p) => p.test(url.pathname)) || BINARY.test(url.pathname)) continue;
    out.push(url.pathname + url.search);
  }
  return out;
}

async function crawl(context: APIRequestContext, seeds: string[], hant: boolean, limit: number): Promise<Page[]> {
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue: string[] = [];
  const visited: Page[] = [];
  const enqueue = (path: string) => {
    if (seen.has(path) || seen.size >= limit) return;
    const { key, detail } = shapeOf(new URL(path, origin));
    const n = shapes.get(key) ?? 0;
    if (n >= (detail ? PER_SHAPE.detail : PER_SHAPE.other)) return;
    shapes.set(key, n + 1);
    seen.add(path);
    queue.push(path);
  };
  seeds.forEach(enqueue);
  // Four requests at a time, breadth-first.
  while (queue.length > 0) {
    const wave = queue.splice(0, 4);
    const answers = await Promise.all(
      wave.map(async (path) => {
        const response = await context.get(path, { maxRedirects: 0 });
        const headers = response.headersArray().map((h) => `${h.name}: ${h.value}`).join('\n');
        const contentType = response.headers()['content-type'] ?? '';
        const body = /text|json|xml|javascript/.test(contentType) ? await response.text() : '';
        const location = response.headers().location;
        if (location) enqueue(linksOf(`href="${location}"`, path)[0] ?? '/');
        return { url: path, status: response.status(), contentType, body: `${headers}\n\n${body}`, hant };
      }),
    );
    for (const page of answers) {
      visited.push(page);
      if (/html|xml/.test(page.contentType)) linksOf(page.body, page.url).forEach(enqueue);
      // Channel pages have a feed of their own.
      const channel = /^\/news\/channel\/([^/?]+)$/.exec(page.url);
      if (channel) enqueue(`/news/channel/${channel[1]}/feed.xml`);
    }
  }
  return visited;
}

function piiReport(list: Page[]): string[] {
  return list.flatMap((page) => describePii(page.body, findPii(page.body)).map((line) => `${page.hant ? '[繁] ' : ''}${page.url}: ${line}`));
}

let actions: Map<string, ActionRef>;
/** A public credit entry about a natural person (欧阳建国, found by the masked ID number on its page). */
let personEntry: string;
let receipts: { receiptNo: string; trackingNo: string };
/** The article and the 好人 published with masked numbers (paths), for the crawl to reach. */
let plantedPaths: string[] = [];

function actionRef(key: string): ActionRef {
  const found = actions.get(key);
  if (!found) throw new Error(`${key} is missing from the build`);
  return found;
}

/** A recommendation and an objection, each storing a citizen's mobile number, so the crawl has phones to miss. */
async function submitWithPhones(citizen: APIRequestContext) {
  const headers = () => ({ 'X-Forwarded-For': freshAddress() });
  const recommended = await callAction(
    citizen,
    baseURL,
    actionRef('app/(public)/good-people/actions.ts#recommendAction'),
    { nomineeName: '林晓燕', region: '江南区市民中心', category: '助人为乐', deed: '多年来坚持每周到社区照料独居老人，风雨无阻，邻里交口称赞，是大家身边的好榜样。', story: '', recommenderName: '王先生', recommenderPhone: PHONE_REC, consent: 'on' },
    { headers: headers() },
  );
  expect(recommended.state).toMatchObject({ ok: true });
  const entry = /href="\/credit\/(\d+)"/.exec(await (await citizen.get('/credit/black')).text())?.[1];
  const objected = await callAction(
    citizen,
    baseURL,
    actionRef('app/(public)/credit/objection/actions.ts#submitObjection'),
    { entryId: entry ?? '', kind: 'repair', applicantName: '申请人甲', applicantPhone: PHONE_OBJ, explanation: '本人已全部履行法院判决确定的义务，特申请信用修复，附相关证明材料。', consent: 'on' },
    { headers: headers() },
  );
  expect(objected.state).toMatchObject({ ok: true });
  receipts = { receiptNo: String(recommended.state?.receiptNo), trackingNo: String(objected.state?.trackingNo) };
}

/**
 * Numbers typed into free-text fields: citizens' comment and recommendation are refused; an administrator's
 * 好人 and article are refused, then saved with 自动打码 (maskPii=1) and published.
 */
async function plantThroughForms(citizen: APIRequestContext) {
  const headers = () => ({ 'X-Forwarded-For': freshAddress() });
  const personId = /href="\/good-people\/(\d+)"/.exec(await (await citizen.get('/good-people')).text())?.[1];
  const comment = await callAction(citizen, baseURL, actionRef('app/(public)/good-people/actions.ts#commentAction'), { personId: personId ?? '', nickname: '', body: `向榜样学习，我的电话${PLANT_PHONE}` }, { headers: headers() });
  expect(comment.state?.fieldErrors).toEqual({ body: expect.stringMatching(SCREEN_MESSAGE) });
  const recommendation = await callAction(
    citizen,
    baseURL,
    actionRef('app/(public)/good-people/actions.ts#recommendAction'),
    { nomineeName: '林晓燕', region: '江南区市民中心', category: '助人为乐', deed: `多年来坚持照料独居老人（身份证号${FIXED_ID}），风雨无阻，邻里交口称赞，是身边的好榜样。`, story: `工资卡${PLANT_CARD}`, recommenderName: '王先生', recommenderPhone: PHONE_REC, consent: 'on' },
    { headers: headers() },
  );
  expect(Object.keys((recommendation.state?.fieldErrors as object) ?? {}).sort()).toEqual(['deed', 'story']);

  const admin = await signInRequest(baseURL, ADMIN_LOGIN.username, ADMIN_LOGIN.password);
  const person = { name: '林晓燕', photo: '', gender: '', birthYear: '', region: `${PLANT_WORD}社区 ${PLANT_PHONE}`, unit: '', category: '助人为乐', level: '市级好人', batchId: '', term: '', deed: `${PLANT_WORD}：多年来坚持照料独居老人，风雨无阻，联系电话${PLANT_PHONE}，邻里交口称赞。`, story: `身份证号${FIXED_ID}，工资卡${PLANT_CARD}。`, honors: `荣誉证书编号${PLANT_PHONE}` };
  const createPerson = actionRef('app/(admin)/admin/good-people/actions.ts#createGoodPerson');
  const refusedPerson = await callAction(admin, baseURL, createPerson, person);
  expect((refusedPerson.state?.piiFields as string[] | undefined)?.sort()).toEqual(['deed', 'honors', 'region', 'story']);
  const savedPerson = await callAction(admin, baseURL, createPerson, { ...person, maskPii: '1' });
  const newPersonId = /\/admin\/good-people\/(\d+)/.exec(savedPerson.redirect ?? '')?.[1];
  expect(newPersonId, savedPerson.text.slice(0, 300)).toBeTruthy();
  const published = await callAction(admin, baseURL, actionRef('app/(admin)/admin/good-people/actions.ts#reviewGoodPerson'), { id: newPersonId!, version: 1, action: 'forcePublish', reason: '打码核验发布' });
  expect(published.redirect, published.text.slice(0, 300)).toContain('done=forcePublish');

  const channelId = /<option value="(\d+)"/.exec(await (await admin.get('/admin/news/new')).text())?.[1];
  const article = {
    title: `${PLANT_WORD}：寻找好心人${PLANT_PHONE}`,
    subtitle: `身份证号${FIXED_ID}`,
    channelId: channelId ?? '',
    summary: `${PLANT_WORD}，捐款账户${PLANT_CARD}`,
    body: `<p>${PLANT_WORD}，联系电话<strong>${PLANT_PHONE.slice(0, 3)}</strong>${PLANT_PHONE.slice(3)}。</p><p>身份证号 ${FIXED_ID.slice(0, 6)} ${FIXED_ID.slice(6, 14)} ${FIXED_ID.slice(14)}</p>`,
    coverImage: '',
    source: '',
    author: `通讯员${PLANT_PHONE}`,
    editorName: '',
    tags: `${PLANT_WORD}`,
    slug: '',
    pinned: '',
  };
  const createArticle = actionRef('app/(admin)/admin/news/actions.ts#createNewsArticle');
  const refusedArticle = await callAction(admin, baseURL, createArticle, article);
  expect((refusedArticle.state?.piiFields as string[] | undefined)?.sort()).toEqual(['author', 'body', 'subtitle', 'summary', 'title']);
  const savedArticle = await callAction(admin, baseURL, createArticle, { ...article, maskPii: '1' });
  const articleId = /\/admin\/news\/(\d+)/.exec(savedArticle.redirect ?? '')?.[1];
  expect(articleId, savedArticle.text.slice(0, 300)).toBeTruthy();
  const publishedArticle = await callAction(admin, baseURL, actionRef('app/(admin)/admin/news/review-actions.ts#reviewNewsArticle'), { id: articleId!, version: 1, action: 'forcePublish', reason: '打码核验发布', publishAt: '' });
  expect(publishedArticle.redirect, publishedArticle.text.slice(0, 300)).toContain('done=forcePublish');
  await admin.dispose();
  plantedPaths = [`/good-people/${newPersonId}`, `/news/${articleId}`];
}

test.beforeAll(async ({ baseURL: url }) => {
  test.setTimeout(180_000);
  baseURL = url!;
  origin = new URL(baseURL).origin;
  actions = loadActions();
  const citizen = await anonymousRequest(baseURL);
  await submitWithPhones(citizen);
  await plantThroughForms(citizen);

  const q = (text: string) => encodeURIComponent(text);
  const seeds = [
    '/',
    '/feed.xml',
    '/sitemap.xml',
    '/robots.txt',
    '/api/health',
    '/news',
    '/good-people',
    '/good-people/vote',
    '/good-people/recommend',
    '/good-people/batch',
    '/credit',
    '/credit/red',
    '/credit/black',
    '/credit/black?page=2',
    '/credit/batch',
    '/credit/objection',
    `/credit?q=${q('诚信达')}`,
    `/credit?q=${q('欧阳建国')}`,
    `/search?q=${q('欧阳建国')}`,
    `/search?q=${q('好人')}`,
    `/search?q=${q('诚信')}`,
    `/search?q=${q(PLANT_WORD)}`,
    ...plantedPaths,
  ];
  pages.push(...(await crawl(citizen, seeds, false, MAX_URLS)));
  await citizen.dispose();
  const person = pages.find((p) => /^\/credit\/\d+$/.test(p.url) && p.body.includes(FIXED_ID_MASKED));
  if (!person) throw new Error(`the crawl did not reach the entry with ${FIXED_ID_MASKED}`);
  personEntry = person.url.slice('/credit/'.length);
  // 繁體 mode goes through the proxy's conversion: a few pages of each kind.
  const hant = await request.newContext({ baseURL, extraHTTPHeaders: { Cookie: 'zh-script=hant', 'X-Forwarded-For': freshAddress() } });
  pages.push(...(await crawl(hant, ['/', '/credit/black', person.url, '/good-people', '/news', `/search?q=${q('好人')}`, ...plantedPaths], true, 14)));
  await hant.dispose();
});

test('the data behind the crawl holds full ID numbers and phones, and staff pages show them (the detector works here)', async () => {
  // Staff see the full values: the detector finds them in those pages, so silence elsewhere means something.
  const admin = await signInRequest(baseURL, ADMIN_LOGIN.username, ADMIN_LOGIN.password);
  const entryPage = await (await admin.get(`/admin/credit/entries/${personEntry}`)).text();
  expect(findPii(entryPage).map((h) => h.value)).toContain(FIXED_ID);
  const recommendations = await (await admin.get('/admin/good-people/recommendations')).text();
  expect(findPii(recommendations).map((h) => h.value)).toContain(PHONE_REC);
  await admin.dispose();

  // Citizens' successful look-ups answer with the phone masked, never in full.
  const citizen = await anonymousRequest(baseURL);
  const lookups = [
    await callAction(citizen, baseURL, actionRef('app/(public)/good-people/actions.ts#statusLookupAction'), { receiptNo: receipts.receiptNo, phone: PHONE_REC }, { headers: { 'X-Forwarded-For': freshAddress() } }),
    await callAction(citizen, baseURL, actionRef('app/(public)/credit/objection/actions.ts#lookupObjectionStatus'), { trackingNo: receipts.trackingNo, phone: PHONE_OBJ }, { headers: { 'X-Forwarded-For': freshAddress() } }),
  ];
  await citizen.dispose();
  for (const lookup of lookups) {
    expect(lookup.state?.ok, lookup.text.slice(0, 300)).toBe(true);
    expect(describePii(lookup.text, findPii(lookup.text))).toEqual([]);
  }
});

test('numbers planted through free-text fields reach the public only masked', () => {
  const withPlant = pages.filter((p) => p.body.includes(PLANT_PHONE_MASKED));
  // The published article and profile, their lists, the search results and the feed.
  expect(withPlant.map((p) => p.url)).toEqual(expect.arrayContaining([...plantedPaths, `/search?q=${encodeURIComponent(PLANT_WORD)}`, '/feed.xml']));
  expect(pages.filter((p) => p.body.includes(PLANT_PHONE) || p.body.includes(PLANT_CARD)).map((p) => p.url)).toEqual([]);
});

test('no public page, feed, sitemap or JSON answer carries a full ID number, a mobile number or a bank card number', () => {
  const kinds = (pattern: RegExp) => pages.filter((p) => pattern.test(p.url)).length;
  expect(pages.length).toBeGreaterThan(200);
  expect(kinds(/^\/credit\/\d+$/), 'credit detail pages').toBeGreaterThan(50);
  expect(kinds(/^\/good-people\/\d+$/), 'profiles').toBeGreaterThan(20);
  expect(kinds(/^\/news\/[^/]+$/), 'articles').toBeGreaterThan(20);
  expect(kinds(/feed\.xml$/), 'feeds').toBeGreaterThan(2);
  expect(kinds(/[?&]page=\d/), 'paginated lists').toBeGreaterThan(3);
  expect(pages.filter((p) => p.hant && /html/.test(p.contentType) && p.body.includes('誠信')).length, '繁體 pages').toBeGreaterThan(0);
  expect(pages.filter((p) => p.status >= 500).map((p) => `${p.url} ${p.status}`)).toEqual([]);
  expect(piiReport(pages)).toEqual([]);
  test.info().annotations.push({ type: 'crawl', description: `${pages.length} answers, ${kinds(/^\/credit\/\d+$/)} credit entries, ${kinds(/^\/good-people\/\d+$/)} profiles, ${pages.filter((p) => p.hant).length} in 繁體` });
});

// ----------------------------------------------------------------------------------- no third party

/** Sub-resource addresses in a page: scripts, styles, icons, preloads, images, media, frames, CSS url(). */
function subResources(html: string): string[] {
  const found: string[] = [];
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  for (const [tag, name] of html.matchAll(/<(script|link|img|source|video|audio|iframe|embed|object|track|input|image|use)\b[^>]*>/gi)) {
    const lower = name!.toLowerCase();
    if (lower === 'link') {
      const rel = attr(tag, 'rel') ?? '';
      if (/stylesheet|icon|preload|modulepreload|prefetch|preconnect|dns-prefetch|manifest|apple-touch|mask-icon/i.test(rel)) found.push(attr(tag, 'href') ?? '');
      const set = attr(tag, 'imagesrcset');
      if (set) found.push(...set.split(',').map((s) => s.trim().split(/\s+/)[0]!));
      continue;
    }
    for (const key of ['src', 'poster', 'data', 'href', 'xlink:href']) {
      if (lower !== 'object' && key === 'data') continue;
      if (!['use', 'image'].includes(lower) && /href/.test(key)) continue;
      const value = attr(tag, key);
      if (value !== undefined) found.push(value);
    }
    const set = attr(tag, 'srcset');
    if (set) found.push(...set.split(',').map((s) => s.trim().split(/\s+/)[0]!));
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!).concat([...html.matchAll(/\bstyle\s*=\s*"([^"]*)"/gi)].map((m) => decodeEntities(m[1]!)));
  for (const css of styles) found.push(...cssReferences(css));
  for (const m of html.matchAll(/<meta\b[^>]*http-equiv=["']refresh["'][^>]*>/gi)) {
    const url = /url=([^"';]+)/i.exec(m[0])?.[1];
    if (url) found.push(url.trim());
  }
  return found.map((u) => decodeEntities(u.trim()));
}

function cssReferences(css: string): string[] {
  const refs = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)].map((m) => m[2]!);
  refs.push(...[...css.matchAll(/@import\s+(['"])([^'"]+)\1/gi)].map((m) => m[2]!));
  return refs;
}

function foreign(ref: string, page: string): boolean {
  if (ref === '' || ref.startsWith('data:') || ref.startsWith('#')) return false;
  try {
    return new URL(ref, new URL(page, origin)).origin !== origin;
  } catch {
    return true;
  }
}

test('every page and stylesheet takes its scripts, styles, fonts and images from this server only', async ({ request }) => {
  const html = pages.filter((p) => /text\/html/.test(p.contentType));
  expect(html.length).toBeGreaterThan(150);
  const offenders: string[] = [];
  const stylesheets = new Set<string>();
  for (const page of html) {
    for (const ref of subResources(page.body)) {
      if (foreign(ref, page.url)) offenders.push(`${page.url}: ${ref}`);
      else if (/\.css(\?|$)/.test(ref)) stylesheets.add(new URL(ref, new URL(page.url, origin)).pathname);
    }
  }
  expect(stylesheets.size, 'stylesheets found').toBeGreaterThan(0);
  for (const sheet of stylesheets) {
    const css = await (await request.get(sheet)).text();
    for (const ref of cssReferences(css)) if (foreign(ref, sheet)) offenders.push(`${sheet}: ${ref}`);
  }
  expect(offenders).toEqual([]);
});

test('the sub-resource scanner sees third-party references (it is not blind)', () => {
  const sample = `<link rel="stylesheet" href="https://cdn.example.com/a.css"><script src="//unpkg.com/x.js"></script>
    <img srcset="/a.webp 1x, https://img.example.com/b.webp 2x"><div style="background:url(&quot;https://x.example/bg.png&quot;)"></div>
    <link rel="preconnect" href="https://fonts.gstatic.com"><meta http-equiv="refresh" content="0;url=https://evil.example/">
    <iframe src="https://map.example.com/embed"></iframe><style>@import "https://fonts.googleapis.com/css";</style>
    <a href="https://beian.miit.gov.cn/">备案</a><img src="/media/k/320.webp"><img src="data:image/png;base64,AAAA">`;
  const foreignRefs = subResources(sample).filter((ref) => foreign(ref, '/'));
  expect(foreignRefs.sort()).toEqual([
    'https://cdn.example.com/a.css',
    'https://fonts.gstatic.com',
    '//unpkg.com/x.js',
    'https://img.example.com/b.webp',
    'https://map.example.com/embed',
    'https://fonts.googleapis.com/css',
    'https://x.example/bg.png',
    'https://evil.example/',
  ].sort());
});
