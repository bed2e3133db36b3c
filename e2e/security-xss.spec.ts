// The XSS corpus (e2e/corpus/xss.ts) through every field that reaches HTML: article titles and rich
// bodies, 好人榜 names and stories entered by editors, citizens' comments, recommendations and objections,
// 红黑榜 entry names, and the search echo. Payloads go in through the real server actions over HTTP
// (fast, one request each); then the pages that show many of them at once are rendered in the browser,
// which must run none of them and show them as text.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '../lib/credit-code';
import { DOMAINS } from '../lib/domains';
import { LOOKUPS } from './corpus/public-pages';
import { payloadsFitting, XSS_MARK_ID, XSS_PAYLOADS, type XssPayload } from './corpus/xss';
import { ADMIN_LOGIN, anonymousRequest, signInRequest } from './security-helpers';
import { ACTIONS, citizenCall, expectNoLeak, expectNoXss, idFrom, staffCall, watchDialogs } from './security-inputs-helpers';

test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const chars = (s: string) => Array.from(s).length;
/** The payload, padded with ordinary text up to `min` characters (and cut to `max`). */
const padded = (p: string, min: number, max = Infinity) => {
  const text = chars(p) < min ? p + '测'.repeat(min - chars(p)) : p;
  return Array.from(text).slice(0, max).join('');
};
const fitOr = (p: string, min: number, max: number, fallback: string) => (chars(p.trim()) >= min && chars(p.trim()) <= max ? p : fallback);
/** What the server stores for a citizen's text (lib/citizen-input.ts cleanText). */
const stored = (p: string) => p.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
const chunks = <T,>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

function creditCode(seed: number): string {
  let body = '913501';
  let n = seed * 7919 + Date.now();
  while (body.length < 17) {
    body += CREDIT_CODE_ALPHABET[n % CREDIT_CODE_ALPHABET.length];
    n = Math.floor(n / 7) + 13;
  }
  return body + creditCodeCheckChar(body)!;
}

function cityToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** Asserts every payload's stored text shows up as text on the page. */
function expectShownAsText(pageText: string, payloads: readonly XssPayload[], label: string) {
  const missing = payloads.filter((p) => !pageText.includes(stored(p.payload))).map((p) => p.id);
  expect(missing, `${label}: payloads not shown as text`).toEqual([]);
}

let admin: APIRequestContext;
let citizen: APIRequestContext;
let baseURL: string;

test.beforeAll(async ({ baseURL: base }) => {
  baseURL = base!;
  admin = await signInRequest(baseURL, ADMIN_LOGIN.username, ADMIN_LOGIN.password);
  citizen = await anonymousRequest(baseURL);
});

test.afterAll(async () => {
  await admin?.dispose();
  await citizen?.dispose();
});

test('news: titles and rich bodies render no payload', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  const form = await (await admin.get('/admin/news/new')).text();
  const channelId = /<option value="(\d+)"[^>]*>要闻</.exec(form)?.[1];
  expect(channelId, 'channel 要闻 on the new-article form').toBeTruthy();

  // One article per payload that fits a title, and one article whose body carries the whole corpus.
  // NUL is left out here: the article form does not strip it and PostgreSQL text cannot hold it (reported).
  const withoutNul = (p: XssPayload) => !p.payload.includes('\u0000');
  const titled = payloadsFitting(5, 60).filter(withoutNul);
  const bodies = XSS_PAYLOADS.filter(withoutNul).map((p) => `<p>${p.payload}</p>${p.payload}`).join('\n');
  const articles: number[] = [];
  for (const [i, p] of [...titled.map((p) => ({ title: p.payload, body: '<p>正文。</p>' })), { title: `XSS语料正文${run}`, body: bodies }].entries()) {
    const redirect = await staffCall(admin, baseURL, ACTIONS.createArticle(), { title: p.title, channelId: channelId!, body: p.body, summary: '', tags: `xss${run}`, source: fitOr(titled[i]?.payload ?? '', 1, 40, '测试'), author: '', editorName: '' }, '/admin/news/new');
    articles.push(idFrom(redirect));
  }
  for (const id of articles) {
    await staffCall(admin, baseURL, ACTIONS.reviewArticle(), { id, version: 1, action: 'forcePublish', reason: '安全测试' }, `/admin/news/${id}`);
  }

  const bodyArticle = articles[articles.length - 1]!;
  const text = await expectNoXss(page, `/news/${bodyArticle}`);
  expect(text).toContain(`XSS语料正文${run}`);
  // The sanitized body keeps no element the corpus tried to smuggle in.
  const body = page.locator('.article-body');
  await expect(body).toHaveCount(1);
  expect(await body.locator('script, iframe, object, embed, svg, math, style, form, input, button, base, meta, link, [style], [id], [class]').count()).toBe(0);
  for (const url of ['/news', '/news?page=2', '/admin/news', '/admin/news?page=2', `/admin/news/${articles[0]}`, `/admin/news/${bodyArticle}/preview`, '/']) {
    await expectNoXss(page, url);
  }
  // The tag's list holds every titled article, 20 to a page.
  let tagText = '';
  for (let n = 1; n <= Math.ceil(articles.length / 20); n++) tagText += await expectNoXss(page, `/news/tag/xss${run}?page=${n}`);
  expectShownAsText(tagText, titled, 'tag list');
  // Search shows highlighted snippets of titles and bodies: the classic place for raw HTML.
  for (const q of ['__xss', 'script', 'onerror', `XSS语料正文${run}`]) await expectNoXss(page, `/search?q=${encodeURIComponent(q)}`);
  expect(dialogs).toEqual([]);
});

test('好人榜: names and stories entered by editors, comments and recommendations', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  // People outside monthly lists (市级好人), ten payloads each in the story; names from the short payloads.
  const names = payloadsFitting(2, 30);
  const groups = chunks(XSS_PAYLOADS, 10);
  const people: number[] = [];
  for (const [i, group] of groups.entries()) {
    const name = names[i]?.payload ?? `测试好人${i}`;
    const redirect = await staffCall(
      admin,
      baseURL,
      ACTIONS.createPerson(),
      {
        name,
        photo: '',
        gender: '',
        birthYear: '',
        region: fitOr(group[0]!.payload, 2, 60, '测试区'),
        unit: fitOr(group[1]!.payload, 0, 60, ''),
        category: '助人为乐',
        level: '市级好人',
        batchId: '',
        term: '',
        deed: padded(group[0]!.payload, 30, 200),
        story: group.map((p) => p.payload).join('\n'),
        honors: fitOr(group[2]?.payload ?? '', 0, 500, ''),
      },
      '/admin/good-people/new',
    );
    people.push(idFrom(redirect));
  }
  for (const id of people) await staffCall(admin, baseURL, ACTIONS.reviewPerson(), { id, version: 1, action: 'forcePublish', reason: '安全测试' }, `/admin/good-people/${id}`);

  // Citizens: one comment per payload on the first person, each from its own address.
  const target = people[0]!;
  for (const p of XSS_PAYLOADS) {
    const result = await citizenCall(citizen, baseURL, ACTIONS.comment(), { personId: target, nickname: fitOr(p.payload, 0, 20, ''), body: padded(p.payload, 5, 500) }, `/good-people/${target}`);
    expect(result.state, `comment ${p.id}: ${result.text.slice(0, 300)}`).toMatchObject({ ok: true });
  }
  // Recommendations: the nominee, region, deed and story carry payloads.
  const short = payloadsFitting(2, 20);
  for (const [i, group] of chunks(XSS_PAYLOADS, 10).entries()) {
    const fields = {
      nomineeName: short[i]?.payload ?? `被推荐人${i}`,
      region: fitOr(group[0]!.payload, 2, 50, '测试区'),
      category: '助人为乐',
      deed: padded(group[0]!.payload, 30, 200),
      story: group.map((p) => p.payload).join('\n'),
      recommenderName: short[(i + 1) % short.length]?.payload ?? '推荐人',
      recommenderPhone: '13912345678',
      consent: 'on',
    };
    const result = await citizenCall(citizen, baseURL, ACTIONS.recommend(), fields, '/good-people/recommend');
    expect(result.state, `recommendation ${i}: ${result.text.slice(0, 300)}`).toMatchObject({ ok: true });
  }

  // Editors see everything first: the moderation queue and the recommendations.
  await page.context().addCookies((await admin.storageState()).cookies);
  for (let n = 1; n <= Math.ceil(XSS_PAYLOADS.length / 20) + 1; n++) await expectNoXss(page, `/admin/good-people/comments?page=${n}`);
  await expectNoXss(page, '/admin/good-people/recommendations');
  await expectNoXss(page, '/admin/good-people/recommendations?page=2');
  await expectNoXss(page, `/admin/good-people/${people[0]}`);
  await expectNoXss(page, '/admin/good-people');

  // Approve every pending comment (ids from the moderation queue, which approved comments leave).
  for (let round = 0; round < 30; round++) {
    const html = await (await admin.get('/admin/good-people/comments')).text();
    const ids = [...new Set([...html.matchAll(/name="id" value="(\d+)"/g)].map((m) => Number(m[1])))];
    if (ids.length === 0) break;
    for (const id of ids) await staffCall(admin, baseURL, ACTIONS.moderateComment(), { id, decision: 'approve' }, '/admin/good-people/comments');
  }

  await page.context().clearCookies();
  let commentsText = '';
  for (let n = 1; n <= Math.ceil(XSS_PAYLOADS.length / 10); n++) commentsText += await expectNoXss(page, `/good-people/${target}?cpage=${n}`);
  expectShownAsText(commentsText, XSS_PAYLOADS.filter((p) => chars(stored(p.payload)) >= 5), 'comments');
  let storyText = '';
  for (const id of people) storyText += await expectNoXss(page, `/good-people/${id}`);
  expectShownAsText(storyText, XSS_PAYLOADS.filter((p) => stored(p.payload).length > 0), 'stories');
  await expectNoXss(page, '/good-people?level=市级好人');
  await expectNoXss(page, '/good-people?level=市级好人&page=2');
  expect(dialogs).toEqual([]);
});

test('红黑榜: entry names, reasons and citizens\' objections', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  const today = cityToday();
  const batchTitle = payloadsFitting(1, 30).find((p) => p.payload.includes('<'))!.payload + run;
  const batchId = idFrom(await staffCall(admin, baseURL, ACTIONS.createBatch(), { title: batchTitle }, '/admin/credit/batches'));
  const newEntry = await (await admin.get(`/admin/credit/entries/new?batch=${batchId}`)).text();
  const categoryId = /<option value="(\d+)"[^>]*>[^<]*诚信经营企业/.exec(newEntry)?.[1];
  expect(categoryId, 'category 诚信经营企业 on the new-entry form').toBeTruthy();
  for (const [i, p] of XSS_PAYLOADS.entries()) {
    await staffCall(
      admin,
      baseURL,
      ACTIONS.createEntry(),
      {
        batchId,
        categoryId: categoryId!,
        subjectKind: '法人企业',
        name: fitOr(p.payload, 1, 100, `测试企业${i}`),
        creditCode: creditCode(i),
        legalRep: fitOr(p.payload, 0, 50, ''),
        idNumber: '',
        reason: padded(p.payload, 10, 1000),
        amount: '',
        authority: fitOr(p.payload, 1, 100, '市文明办'),
        basisDoc: `安全测试〔${run}〕${i}号`,
        decisionDate: today,
        listedDate: today,
        publicationEnd: '',
        publicationEndReason: '',
      },
      `/admin/credit/entries/new?batch=${batchId}`,
    );
  }
  await page.context().addCookies((await admin.storageState()).cookies);
  await expectNoXss(page, `/admin/credit/batches/${batchId}`);
  await expectNoXss(page, `/admin/credit/batches/${batchId}?page=2`);
  const version = /name="version" value="(\d+)"/.exec(await (await admin.get(`/admin/credit/batches/${batchId}`)).text())?.[1];
  await staffCall(admin, baseURL, ACTIONS.reviewBatch(), { id: batchId, version: version!, action: 'forcePublish', reason: '安全测试' }, `/admin/credit/batches/${batchId}`);
  await page.context().clearCookies();

  let listText = '';
  for (let n = 1; n <= Math.ceil(XSS_PAYLOADS.length / 20); n++) listText += await expectNoXss(page, `/credit/batch/${batchId}?page=${n}`);
  expectShownAsText(listText, XSS_PAYLOADS.filter((p) => chars(p.payload.trim()) <= 100 && stored(p.payload)), 'batch list names');
  const entryLink = /href="\/credit\/(\d+)"/.exec(await (await citizen.get(`/credit/batch/${batchId}`)).text())?.[1];
  expect(entryLink).toBeTruthy();
  await expectNoXss(page, `/credit/${entryLink}`);
  await expectNoXss(page, '/credit/red');
  await expectNoXss(page, '/credit');

  // Objections against one of these entries: the applicant's name and the explanation carry payloads.
  const groups = chunks(XSS_PAYLOADS, 10);
  for (const [i, group] of groups.entries()) {
    const result = await citizenCall(
      citizen,
      baseURL,
      ACTIONS.objection(),
      { entryId: entryLink!, kind: i % 2 ? 'repair' : 'objection', applicantName: fitOr(group[0]!.payload, 2, 50, '申请人'), applicantPhone: '13912345678', explanation: padded(group.map((p) => p.payload).join('\n'), 20, 2000), consent: 'on' },
      `/credit/objection?entry=${entryLink}`,
    );
    expect(result.state, `objection ${i}: ${result.text.slice(0, 300)}`).toMatchObject({ ok: true });
  }
  await page.context().addCookies((await admin.storageState()).cookies);
  const list = await expectNoXss(page, '/admin/credit/objections');
  expect(list.length).toBeGreaterThan(0);
  // The queue lists the oldest first: read every page, the newest (highest) ids are this test's.
  const objectionIds: number[] = [];
  for (let n = 1; n <= 50; n++) {
    const ids = [...(await (await admin.get(`/admin/credit/objections?page=${n}`)).text()).matchAll(/href="\/admin\/credit\/objections\/(\d+)"/g)].map((m) => Number(m[1]));
    if (ids.length === 0 || ids.every((id) => objectionIds.includes(id))) break;
    objectionIds.push(...ids);
  }
  let detailText = '';
  for (const id of [...new Set(objectionIds)].sort((a, b) => b - a).slice(0, groups.length)) detailText += await expectNoXss(page, `/admin/credit/objections/${id}`);
  expectShownAsText(detailText, XSS_PAYLOADS.filter((p) => stored(p.payload)), 'objection explanations');
  await page.context().clearCookies();
  expect(dialogs).toEqual([]);
});

test('search echo: /search?q= and every domain look-up show the query as text', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  // Every payload over HTTP: the answer must not contain it verbatim where it holds markup characters
  // (escaped in HTML as &lt; &quot;, and in the page's JSON data as \u003c \").
  // The domains' free-text look-ups come from their declarations (lib/domains publicPages).
  const urls = XSS_PAYLOADS.flatMap((p) => ['/search?q=', ...LOOKUPS].map((base) => ({ p, url: base + encodeURIComponent(p.payload.toWellFormed()) })));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < urls.length) {
        const { p, url } = urls[next++]!;
        const response = await citizen.get(url);
        const html = await response.text();
        expectNoLeak(url, response.status(), html);
        if (/[<>"]/.test(p.payload)) expect(html.includes(p.payload), `${p.id} echoed unescaped by ${url}`).toBe(false);
        // An element rendered with the marker id (React quotes attributes; an escaped value reads id=&quot;…).
        expect(html, `${p.id}: a marker element in ${url}`).not.toMatch(new RegExp(`<[a-z][^<>]*\\sid=["']${XSS_MARK_ID}["']`, 'i'));
      }
    }),
  );
  // A sample in the browser, where the query is echoed in the search box, the heading and the results:
  // site search and each domain's own look-up page (`/credit?q=`).
  const domainLookups = LOOKUPS.filter((base) => DOMAINS.some((d) => base.startsWith(`${d.publicPrefix}?`)));
  for (const p of XSS_PAYLOADS.filter((_, i) => i % 6 === 0)) {
    const text = await expectNoXss(page, `/search?q=${encodeURIComponent(p.payload)}`);
    expect(text.length).toBeGreaterThan(0);
    for (const base of domainLookups) await expectNoXss(page, base + encodeURIComponent(p.payload));
  }
  expect(dialogs).toEqual([]);
});
