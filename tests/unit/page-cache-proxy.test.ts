// The page cache and security checks of proxy.ts against a stand-in for the Next.js server.
import http from 'node:http';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { bumpTags } from '@/server/cache/state';
import { nextCityMidnight, PageCache, pageExpiry, pageStaleUntil, PAGE_STALE_SECONDS, PAGE_TTL_SECONDS } from '@/server/cache/page-cache';

let server: http.Server;
let renders: { url: string; headers: http.IncomingHttpHeaders }[] = [];
let release: (() => void) | null = null;
const savedOrigin = process.env.__NEXT_PRIVATE_ORIGIN;
const savedSiteUrl = process.env.SITE_URL;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    renders.push({ url: request.url ?? '', headers: request.headers });
    const nonce = String(request.headers['x-nonce'] ?? '');
    const send = () => {
      if (request.url === '/missing') {
        response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>页面不存在</h1>');
      } else if (request.url === '/with-cookie') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'x=1' }).end('<p>x</p>');
      } else {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-powered-by': 'stand-in' });
        response.end(`<!DOCTYPE html><html><head><script nonce="${nonce}">1</script></head><body><h1>${request.url}</h1><script nonce="${nonce}">self.__next_f.push([1,"nonce:${nonce}"])</script></body></html>`);
      }
    };
    if (request.url === '/slow') release = send;
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // The public address (server/site-url.ts): the only host whose pages are cached.
  process.env.SITE_URL = 'http://portal.test';
});

afterAll(() => {
  server.close();
  process.env.__NEXT_PRIVATE_ORIGIN = savedOrigin;
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

beforeEach(() => {
  renders = [];
});

function visit(path: string, headers: Record<string, string> = {}, method = 'GET', host = 'portal.test') {
  return proxy(new NextRequest(`http://${host}${path}`, { headers: { host, ...headers }, method }));
}
const passesThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

describe('page cache', () => {
  it('renders a public page once over loopback, then serves the stored bytes, as they are', async () => {
    const first = await visit('/news?page=2');
    expect(first.headers.get('x-page-cache')).toBe('MISS');
    expect(renders).toHaveLength(1);
    expect(renders[0]!.url).toBe('/news?page=2');
    expect(renders[0]!.headers['x-civic-render']).toBeTruthy();
    const nonce = nonceOf(first);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(renders[0]!.headers['x-nonce']).toBe(nonce);
    const html = await first.text();
    expect(html).toContain(`<script nonce="${nonce}">1</script>`);

    const second = await visit('/news?page=2');
    expect(second.headers.get('x-page-cache')).toBe('HIT');
    expect(renders).toHaveLength(1);
    expect(nonceOf(second)).toBe(nonce);
    expect(await second.text()).toBe(html);
    expect(second.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
    expect(second.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(second.headers.get('x-powered-by')).toBeNull();

    expect(renders).toHaveLength(1);
  });

  it('keys pages by path, query and script', async () => {
    await visit('/news/1');
    await visit('/news/1?x=1');
    await visit('/news/1', { cookie: 'zh-script=hant', 'x-zh-script-inner': '1' });
    expect(renders).toHaveLength(3);
    expect((await visit('/news/1')).headers.get('x-page-cache')).toBe('HIT');
  });

  it('serves requests for any other host without the cache: neither read nor filled (issue 15)', async () => {
    const poisoned = [
      visit('/news/7', { 'x-forwarded-host': 'portal.test' }, 'GET', 'evil.example'),
      visit('/news/7', { 'x-forwarded-host': 'evil.example' }),
      visit('/news/7', {}, 'GET', 'portal.test:8080'),
    ];
    for (const response of await Promise.all(poisoned)) {
      expect(passesThrough(response)).toBe(true);
      expect(response.headers.get('x-page-cache')).toBeNull();
    }
    expect(renders).toHaveLength(0);
    // The real visitor's first request renders: nothing was stored by the others.
    expect((await visit('/news/7')).headers.get('x-page-cache')).toBe('MISS');
    expect((await visit('/news/7', { 'x-forwarded-host': 'evil.example' })).headers.get('x-page-cache')).toBeNull();
    expect((await visit('/news/7', { 'x-forwarded-host': 'portal.test' })).headers.get('x-page-cache')).toBe('HIT');
  });

  it('drops a page when one of its tags changes, and only then', async () => {
    await visit('/credit/black');
    bumpTags(['news']);
    expect((await visit('/credit/black')).headers.get('x-page-cache')).toBe('HIT');
    bumpTags(['credit']);
    expect((await visit('/credit/black')).headers.get('x-page-cache')).toBe('MISS');
    bumpTags(['settings']);
    expect((await visit('/credit/black')).headers.get('x-page-cache')).toBe('MISS');
    expect(renders).toHaveLength(3);
  });

  it('lets concurrent visitors of an uncached page wait for one render', async () => {
    const visits = Promise.all([visit('/slow'), visit('/slow'), visit('/slow')]);
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const answers = await visits;
    expect(renders).toHaveLength(1);
    expect(answers.map((a) => a.headers.get('x-page-cache'))).toEqual(['MISS', 'MISS', 'MISS']);
    expect(new Set(answers.map(nonceOf)).size).toBe(1);
  });

  it('never caches errors, cookies, sessions, look-ups, client navigation or the editors area', async () => {
    expect(passesThrough(await visit('/missing'))).toBe(true);
    expect(passesThrough(await visit('/with-cookie'))).toBe(true);
    expect(renders).toHaveLength(2);
    renders = [];
    const bypass = [
      visit('/news', { cookie: 'next-auth.session-token=t' }),
      visit('/search?q=文明'),
      visit('/credit?q=诚信达'),
      visit('/news', { rsc: '1' }),
      visit('/news?_rsc=x'),
      visit('/news', { 'next-router-prefetch': '1' }),
      visit('/login'),
      visit('/api/health'),
      visit('/news', {}, 'HEAD'),
    ];
    for (const response of await Promise.all(bypass)) {
      expect(passesThrough(response)).toBe(true);
      expect(nonceOf(response)).toBeTruthy();
    }
    expect(renders).toHaveLength(0);
  });

  it('does not trust a render marker it did not send', async () => {
    const response = await visit('/news?page=3', { 'x-civic-render': 'guess', 'x-nonce': 'chosen-by-visitor' });
    expect(nonceOf(response)).not.toBe('chosen-by-visitor');
  });
});

describe('file routes', () => {
  it('get the file CSP (sandbox, no scripts), not the page CSP with its nonce', async () => {
    for (const [path, headers] of [
      ['/admin/files/12', { cookie: 'next-auth.session-token=t' }],
      ['/media/abc/800', {}],
    ] as const) {
      const response = await visit(path, headers);
      expect(passesThrough(response), path).toBe(true);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toContain('sandbox');
      expect(csp, path).not.toContain('nonce-');
    }
  });
});

describe('malformed addresses', () => {
  it('answers 400 for a path that is not valid UTF-8, before Next.js fails on it', async () => {
    const response = await visit('/news/%C0%AE');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('请求的网址无效，请检查网址是否完整。');
    expect(html).toContain('<a href="/">返回首页</a>');
    expect(renders).toHaveLength(0);
  });
});

describe('cross-origin writes', () => {
  it('refuses server actions and API posts from other sites', async () => {
    const foreign: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of foreign) {
      const action = await visit('/good-people/1', { 'next-action': 'abc', ...headers }, 'POST');
      expect(action.status).toBe(403);
      expect(await action.json()).toEqual({ error: '已拒绝来自其他网站的请求。' });
      expect((await visit('/api/script/convert', headers, 'POST')).status).toBe(403);
    }
  });

  it('lets the portal post to itself', async () => {
    expect(passesThrough(await visit('/good-people/1', { 'next-action': 'abc', origin: 'http://portal.test', 'sec-fetch-site': 'same-origin' }, 'POST'))).toBe(true);
    expect(passesThrough(await visit('/api/script/convert', { origin: 'https://portal.test', 'x-forwarded-host': 'portal.test' }, 'POST'))).toBe(true);
  });
});

describe('page lifetime', () => {
  it('ends at the city midnight (UTC+8) at the latest', () => {
    expect(new Date(nextCityMidnight(Date.parse('2026-11-22T15:59:00Z'))).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(new Date(nextCityMidnight(Date.parse('2026-11-22T16:00:00Z'))).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    const late = Date.parse('2026-11-22T15:59:30Z');
    expect(pageExpiry(late)).toBe(Date.parse('2026-11-22T16:00:00Z'));
    const early = Date.parse('2026-11-22T02:00:00Z');
    expect(pageExpiry(early)).toBe(early + PAGE_TTL_SECONDS * 1000);
  });

  it('serves nothing past its expiry and evicts the least recently used beyond its size', () => {
    const cache = new PageCache(100_000);
    const page = (body: string, expires: number) => ({ status: 200, headers: [], body: Buffer.from(body), nonce: 'n', fingerprint: 'f', expires });
    cache.set('a', page('a'.repeat(5_000), 2_000));
    expect(cache.get('a', 'f', 1_999)).not.toBeNull();
    expect(cache.get('a', 'f', 2_000)).toBeNull();
    for (let i = 0; i < 20; i += 1) cache.set(`k${i}`, page('x'.repeat(5_000), 10_000));
    expect(cache.get('k0', 'f', 0)).toBeNull();
    expect(cache.get('k19', 'f', 0)).not.toBeNull();
    expect(cache.get('k19', 'other', 0)).toBeNull();
  });
  it('serves a page past its lifetime as stale within its grace window, with one re-render claimed at a time', () => {
    const cache = new PageCache(100_000);
    cache.set('a', { status: 200, headers: [], body: Buffer.from('a'), nonce: 'n', fingerprint: 'f', expires: 2_000, staleUntil: 5_000 });
    expect(cache.lookup('a', 'f', 1_999)).toMatchObject({ state: 'fresh', revalidating: false });
    const stale = cache.lookup('a', 'f', 2_000)!;
    expect(stale).toMatchObject({ state: 'stale', revalidating: false });
    expect(cache.get('a', 'f', 2_000)).toBeNull(); // get() is for fresh pages only
    expect(cache.claimRevalidation('a', stale.page)).toBe(true);
    expect(cache.claimRevalidation('a', stale.page)).toBe(false);
    expect(cache.lookup('a', 'f', 4_999)).toMatchObject({ state: 'stale', revalidating: true });
    // The re-render's page replaces it: fresh again, and the next expiry gets its own re-render.
    cache.set('a', { status: 200, headers: [], body: Buffer.from('b'), nonce: 'n', fingerprint: 'f', expires: 8_000, staleUntil: 9_000 });
    expect(cache.lookup('a', 'f', 5_000)).toMatchObject({ state: 'fresh' });
    const next = cache.lookup('a', 'f', 8_000)!;
    expect(next.page.body.toString()).toBe('b');
    expect(cache.claimRevalidation('a', next.page)).toBe(true);
    // Past the grace window: gone.
    expect(cache.lookup('a', 'f', 9_000)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('never serves a stale page once its tags moved, nor past the city midnight', () => {
    const cache = new PageCache(100_000);
    cache.set('a', { status: 200, headers: [], body: Buffer.from('a'), nonce: 'n', fingerprint: 'f', expires: 2_000, staleUntil: 5_000 });
    expect(cache.lookup('a', 'f2', 1_000)).toBeNull(); // tag invalidated while fresh
    cache.set('a', { status: 200, headers: [], body: Buffer.from('a'), nonce: 'n', fingerprint: 'f', expires: 2_000, staleUntil: 5_000 });
    expect(cache.lookup('a', 'f2', 3_000)).toBeNull(); // and while stale
    expect(cache.lookup('a', 'f', 3_000)).toBeNull(); // dropped for good

    // Rendered shortly before midnight: its lifetime and its grace both end at midnight.
    const late = Date.parse('2026-11-22T15:59:30Z');
    const midnight = Date.parse('2026-11-22T16:00:00Z');
    expect(pageExpiry(late)).toBe(midnight);
    expect(pageStaleUntil(late)).toBe(midnight);
    cache.set('m', { status: 200, headers: [], body: Buffer.from('m'), nonce: 'n', fingerprint: 'f', expires: pageExpiry(late), staleUntil: pageStaleUntil(late) });
    expect(cache.lookup('m', 'f', midnight - 1)).toMatchObject({ state: 'fresh' });
    expect(cache.lookup('m', 'f', midnight)).toBeNull();

    // Rendered earlier: a grace window after its lifetime, still cut at midnight.
    const early = midnight - (PAGE_TTL_SECONDS + 1) * 1000;
    expect(pageStaleUntil(early)).toBe(Math.min(early + (PAGE_TTL_SECONDS + PAGE_STALE_SECONDS) * 1000, midnight));
    cache.set('e', { status: 200, headers: [], body: Buffer.from('e'), nonce: 'n', fingerprint: 'f', expires: pageExpiry(early), staleUntil: pageStaleUntil(early) });
    expect(cache.lookup('e', 'f', pageExpiry(early))).toMatchObject({ state: 'stale' });
    expect(cache.lookup('e', 'f', midnight)).toBeNull();
  });

  it('forgets a page on delete', () => {
    const cache = new PageCache(100_000);
    cache.set('a', { status: 200, headers: [], body: Buffer.from('a'), nonce: 'n', fingerprint: 'f', expires: 2_000 });
    cache.delete('a');
    expect(cache.lookup('a', 'f', 0)).toBeNull();
    expect(cache.size).toBe(0);
  });
});
