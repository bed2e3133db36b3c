// The odd-input corpus (e2e/corpus/odd-input.ts) through every public query parameter, path segment,
// JSON endpoint and citizens' form, over HTTP. Each answer must be a clear message or a correct result:
// never a 5xx, a stack trace, SQL text, or a form that silently failed ("提交失败，请稍后重试").
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SEARCH_KINDS } from '../lib/domains';
import { HUGE_STRING, ODD_NUMBERS, ODD_SAMPLE, ODD_SEGMENTS, ODD_STRINGS, queryValue, RAW_ENCODINGS } from './corpus/odd-input';
import { findSamples, pagePath, PUBLIC_PAGES, sampleParam, type Samples } from './corpus/public-pages';
import { anonymousRequest, freshAddress } from './security-helpers';
import { ACTIONS, citizenCall, expectNoLeak } from './security-inputs-helpers';


/** Runs `fn` over `items`, a few at a time (the server has two cores; a little overlap hides latency). */
async function inPool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

let citizen: APIRequestContext;
let samples: Samples;
let personId: string;
let entryId: string;

test.beforeAll(async ({ baseURL }) => {
  citizen = await anonymousRequest(baseURL!);
  // A real address for every dynamic public route of every domain (lib/domains publicPages), from the demo data.
  samples = await findSamples(citizen);
  personId = sampleParam('/good-people/[id]', samples);
  entryId = sampleParam('/credit/[id]', samples);
});

test.afterAll(async () => {
  await citizen?.dispose();
});

/** GETs every URL and fails once at the end with the list of every bad answer (a 5xx, a leak). */
async function expectAllAnswersOk(urls: readonly string[], method: 'GET' | 'POST' = 'GET') {
  const failures: string[] = [];
  await inPool(urls, 4, async (url) => {
    const headers = { 'X-Forwarded-For': freshAddress() };
    const response = method === 'GET' ? await citizen.get(url, { headers, maxRedirects: 0 }) : await citizen.post(url, { headers, data: '\u0000{"odd":true', maxRedirects: 0 });
    try {
      expectNoLeak(`${method} ${url.slice(0, 200)}`, response.status(), await response.text());
    } catch (error) {
      failures.push((error as Error).message.split('\n')[0]!);
    }
  });
  expect(failures, failures.join('\n')).toEqual([]);
}

test('every public query parameter takes every odd value', async () => {
  test.setTimeout(90_000);
  // Site search takes the whole corpus, as a browser encodes it, and raw invalid encodings; the domains'
  // look-ups the values aimed at them (codes, ID numbers, SQL/LIKE, sizes); the other text parameters
  // (which only pick from fixed lists or parse a number) take the sharpest sample.
  const urls: string[] = [];
  const aimed = ODD_STRINGS.filter((o) => /code|id-number|sql|like|long|full-width/.test(o.id));
  for (const odd of ODD_STRINGS) urls.push(`/search?q=${queryValue(odd.value)}`);
  for (const raw of RAW_ENCODINGS) urls.push(`/search?q=${raw}`);
  for (const base of ['/search?q=文明&type=', '/api/script?to=hant&back=']) {
    for (const odd of ODD_SAMPLE) urls.push(base + queryValue(odd.value));
    for (const raw of RAW_ENCODINGS.slice(0, 4)) urls.push(base + raw);
  }
  for (const n of ODD_NUMBERS.slice(0, 5)) urls.push(...['', ...SEARCH_KINDS.map((kind) => `&type=${kind}`)].map((type) => `/search?q=文明${type}&page=${encodeURIComponent(n)}`));
  // Every domain's public pages (lib/domains publicPages) by the kind of each parameter they read.
  for (const [i, page] of PUBLIC_PAGES.entries()) {
    const path = pagePath(page.route, samples);
    const params = Object.entries(page.params ?? {});
    for (const [param, kind] of params) {
      const base = `${path}?${kind === 'page' && page.listing ? `${page.listing}&` : ''}${param}=`;
      if (kind === 'text') {
        for (const odd of aimed) urls.push(base + queryValue(odd.value));
        for (const raw of RAW_ENCODINGS) urls.push(base + raw);
      } else if (kind === 'choice') {
        for (const odd of ODD_SAMPLE) urls.push(base + queryValue(odd.value));
        for (const raw of RAW_ENCODINGS.slice(0, 4)) urls.push(base + raw);
      } else {
        // Every odd number on the first list, a few on each of the others (they share pageParam()).
        for (const n of i === 0 ? ODD_NUMBERS : ODD_NUMBERS.slice(0, 5)) urls.push(base + encodeURIComponent(n));
      }
    }
    // Repeated and bracketed parameters (arrays).
    if (params.length > 0) {
      urls.push(`${path}?${params.map(([param]) => `${param}=1&${param}=2`).join('&')}`, `${path}?${params[0]![0]}[]=1`);
    }
    // Odd path segments in place of the last path parameter.
    if (page.route.includes('[')) for (const segment of ODD_SEGMENTS) urls.push(pagePath(page.route, samples, segment));
  }
  urls.push(`/search?q=文明&q=城市&type=${SEARCH_KINDS[0]}&type=${SEARCH_KINDS[1]}`, '/search?q[]=文明');
  for (const segment of ODD_SEGMENTS) urls.push(`/media/${segment}`);
  urls.push('/feed.xml', '/sitemap.xml', '/robots.txt', '/news/channel/%FF/feed.xml', '/media/%C0%AE/%C0%AE', '/media/../../etc/passwd');

  const started = Date.now();
  await expectAllAnswersOk(urls);
  console.log(`odd input: ${urls.length} GETs in ${Date.now() - started} ms`);
  // A million characters in a URL: the HTTP layer refuses it with a 4xx, not a crash.
  // Several times: the answer must reach a client still sending, not a reset (server/http/serve.ts).
  for (const path of ['/search?q=', '/credit?q=', '/news?page=']) {
    const huge = await citizen.get(`${path}${HUGE_STRING.value}`);
    expect(huge.status(), path).toBeGreaterThanOrEqual(400);
    expect(huge.status(), path).toBeLessThan(500);
  }
  // And the server is still there.
  expect((await citizen.get('/api/health')).status()).toBe(200);
});

test('the 简/繁 switch only ever goes back to a page of this site', async () => {
  for (const back of ['//example.org', '/\\example.org', 'https://example.org/', 'javascript:alert(1)', '/%0d%0aSet-Cookie:%20evil=1', '/news%0d%0aLocation:%20https://example.org', '/../../etc/passwd', '%2f%2fexample.org']) {
    const response = await citizen.get(`/api/script?to=hant&back=${back}`, { maxRedirects: 0 });
    expect(response.status(), back).toBe(303);
    const location = response.headers().location ?? '';
    expect(location, back).toMatch(/^\/(?![/\\])/);
    expect(location, back).not.toMatch(/[\r\n]/);
    expect(response.headers()['set-cookie'] ?? '', back).not.toContain('evil');
  }
});

test('JSON endpoints: the 繁體 converter and the view beacons', async () => {
  const convert = (data: string, headers: Record<string, string> = {}) =>
    citizen.post('/api/script/convert', { headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin', 'X-Forwarded-For': freshAddress(), ...headers }, data });
  const bodies = ['', 'null', '[]', '{}', '{"texts":"文"}', '{"texts":[1,2]}', '{"texts":null}', '{"texts":[{"a":1}]}', '{"texts":["\\ud800","\\u0000",""]}', '{"texts":', '\u0000\u0001', '{"__proto__":{"texts":[]}}', JSON.stringify({ texts: ODD_STRINGS.filter((o) => o.value.length < 1000).map((o) => o.value) }), JSON.stringify({ texts: Array(10_000).fill('文') }), JSON.stringify({ texts: ['文'.repeat(100_000)] }), '['.repeat(5000)];
  for (const data of bodies) {
    const response = await convert(data);
    const text = await response.text();
    expectNoLeak(`convert ${data.slice(0, 40)}`, response.status(), text);
    if (response.status() === 200) expect(Array.isArray((JSON.parse(text) as { texts: unknown }).texts)).toBe(true);
  }
  // The good strings come back converted, one for one.
  const good = await convert(JSON.stringify({ texts: ['诚信红黑榜', '👨‍👩‍👧‍👦', "' OR 1=1 --"] }));
  expect(await good.json()).toEqual({ texts: ['誠信紅黑榜', '👨‍👩‍👧‍👦', "' OR 1=1 --"] });
  // Not from this site's pages: refused.
  expect((await convert('{"texts":["文"]}', { 'Sec-Fetch-Site': 'cross-site' })).status()).toBe(403);

  const beacons: string[] = [];
  for (const segment of [...ODD_SEGMENTS, personId]) beacons.push(`/api/news/${segment}/view`, `/api/good-people/${segment}/view`);
  await expectAllAnswersOk(beacons, 'POST');
});

// ----------------------------------------------------------------------------------------------- forms

type FormCase = { name: string; action: () => ReturnType<(typeof ACTIONS)['comment']>; path: () => string; valid: () => Record<string, string> };

const FORMS: FormCase[] = [
  { name: 'like', action: ACTIONS.like, path: () => `/good-people/${personId}`, valid: () => ({ personId }) },
  { name: 'comment', action: ACTIONS.comment, path: () => `/good-people/${personId}`, valid: () => ({ personId, nickname: '热心市民', body: '向好人学习，为文明城市点赞！' }) },
  { name: 'report', action: ACTIONS.report, path: () => `/good-people/${personId}`, valid: () => ({ commentId: '1' }) },
  {
    name: 'recommend',
    action: ACTIONS.recommend,
    path: () => '/good-people/recommend',
    valid: () => ({ nomineeName: '王小明', region: '城关区东街社区', category: '助人为乐', deed: '十年如一日照顾社区孤寡老人，风雨无阻，邻里称赞，是大家身边的好榜样。', story: '', recommenderName: '李华', recommenderPhone: '13912345678', consent: 'on' }),
  },
  { name: 'recommendStatus', action: ACTIONS.recommendStatus, path: () => '/good-people/recommend/status', valid: () => ({ receiptNo: 'TJ20261123-7KQ4M9', phone: '13912345678' }) },
  {
    name: 'objection',
    action: ACTIONS.objection,
    path: () => `/credit/objection?entry=${entryId}`,
    valid: () => ({ entryId, kind: 'objection', applicantName: '张三', applicantPhone: '13912345678', explanation: '该信息中的决定日期与认定文书不一致，请核实后更正，附件为认定文书。', consent: 'on' }),
  },
  { name: 'objectionStatus', action: ACTIONS.objectionStatus, path: () => '/credit/objection/status', valid: () => ({ trackingNo: 'YS20261122-7KQ4M9', phone: '13912345678' }) },
];

/** The values put into one field at a time (with every other field valid), so that they reach the database. */
const DEEP = ODD_STRINGS.filter((o) => ['nul', 'lone-high-surrogate', 'emoji-zwj', 'sql-or', 'like-mixed', 'backslash-quote', 'pg-cast', 'long-10k'].includes(o.id));

const FAILED = /提交失败，请稍后重试|保存失败，请稍后重试/;

for (const form of FORMS) {
  test(`form ${form.name}: every odd value gets a clear answer`, async ({ baseURL }) => {
    test.setTimeout(60_000);
    const started = Date.now();
    const calls: { label: string; fields: Record<string, string> }[] = [];
    const valid = form.valid();
    // The control: the valid form passes validation (so the odd values below are judged by the real rules).
    const control = await citizenCall(citizen, baseURL!, form.action(), valid, form.path());
    expect(control.state, `${form.name}: valid form: ${control.text.slice(0, 300)}`).not.toBeNull();
    expect(control.state!.fieldErrors, `${form.name}: valid form refused: ${JSON.stringify(control.state)}`).toBeUndefined();
    for (const odd of [...ODD_STRINGS, HUGE_STRING]) {
      calls.push({ label: `all fields = ${odd.id}`, fields: Object.fromEntries(Object.keys(valid).map((k) => [k, odd.value])) });
    }
    for (const field of Object.keys(valid)) {
      for (const odd of DEEP) calls.push({ label: `${field} = ${odd.id}`, fields: { ...valid, [field]: odd.value } });
    }
    await inPool(calls, 4, async ({ label, fields }) => {
      const result = await citizenCall(citizen, baseURL!, form.action(), fields, form.path());
      expectNoLeak(`${form.name}: ${label}`, result.status, result.text);
      expect(result.state, `${form.name}: ${label}: no action state in ${result.text.slice(0, 200)}`).not.toBeNull();
      const state = result.state!;
      expect(String(state.message ?? ''), `${form.name}: ${label}`).not.toMatch(FAILED);
      // Either it worked, or it says in Chinese what to fix.
      if (state.ok !== true) {
        const said = [state.message, ...Object.values((state.fieldErrors as Record<string, string> | undefined) ?? {})].join(' ');
        expect(said, `${form.name}: ${label}: ${JSON.stringify(state).slice(0, 300)}`).toMatch(/[\u4e00-\u9fff]/);
        // Every field's message is Chinese (zod's English defaults mean a rule without a message, or a missing field).
        for (const [field, message] of Object.entries((state.fieldErrors as Record<string, string> | undefined) ?? {})) {
          expect(message, `${form.name}: ${label}: ${field}`).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });
    console.log(`odd input: form ${form.name}: ${calls.length} calls in ${Date.now() - started} ms`);
  });
}

test('a fixed address is still rate limited (the per-address limits stay in force)', async ({ baseURL }) => {
  // Status look-ups allow 30 per 15 minutes per address: the 31st from one address is refused.
  const address = freshAddress();
  let refused = 0;
  for (let i = 0; i < 31; i++) {
    const result = await citizenCall(citizen, baseURL!, ACTIONS.objectionStatus(), { trackingNo: 'YS20261122-7KQ4M9', phone: '13912345678' }, '/credit/objection/status', address);
    if (String(result.state?.message ?? '').includes('提交过于频繁')) refused++;
  }
  expect(refused).toBe(1);
});
