// The front layer of the page cache (server/http/front-cache.ts): the same rule and key as proxy.ts,
// checked request by request against proxy.ts itself; hits answered over a real socket with their
// stored nonce and headers, compressed once; stale, expired and ineligible requests left to Next.js.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { PageCache, pageCacheKey, sharedPageCache } from '@/server/cache/page-cache';
import { bumpTags } from '@/server/cache/state';
import { FrontCache, chooseEncoding, frontLookup, routeHeaders, type HeaderRule } from './front-cache';

const ORIGIN = 'http://portal.test';
const savedOrigin = process.env.__NEXT_PRIVATE_ORIGIN;
const savedSiteUrl = process.env.SITE_URL;
let renderer: http.Server;
let renders = 0;
/** Renders answer once this settles: a test holds it to see what visitors get while a render runs. */
let gate: Promise<void> = Promise.resolve();

// A stand-in for Next.js behind proxy.ts's loopback renders: every page is 200 HTML with the render's nonce.
beforeAll(async () => {
  renderer = http.createServer((request, response) => {
    renders += 1;
    const render = renders;
    const nonce = String(request.headers['x-nonce'] ?? '');
    void gate.then(() => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-robots-tag': 'noarchive' });
      response.end(`<!DOCTYPE html><html><body><h1>${request.url}</h1><p>render ${render}</p>${'<p>文明城市</p>'.repeat(200)}<script nonce="${nonce}">1</script></body></html>`);
    });
  });
  await new Promise<void>((resolve) => renderer.listen(0, '127.0.0.1', resolve));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(renderer.address() as AddressInfo).port}`;
  process.env.SITE_URL = ORIGIN;
});

afterAll(() => {
  renderer.close();
  process.env.__NEXT_PRIVATE_ORIGIN = savedOrigin;
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

/** proxy.ts's answer to a request: whether it came from the page cache (stored or served). */
async function proxyCaches(method: string, path: string, headers: Record<string, string>): Promise<boolean> {
  const response = await proxy(new NextRequest(`${ORIGIN}${path}`, { method, headers: { host: 'portal.test', ...headers } }));
  return response.headers.get('x-page-cache') !== null;
}

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe('the rule and the key', () => {
  const cases: [string, string, Record<string, string>][] = [
    ['GET', '/news?page=2', {}],
    ['GET', '/', { cookie: 'theme=dark; zh-script=hans' }],
    ['GET', '/news', { cookie: 'next-auth.session-token=t' }],
    ['GET', '/news', { cookie: 'a=1; __Secure-next-auth.session-token=t' }],
    ['GET', '/news', { cookie: 'next-auth.session-token.0=part; next-auth.session-token.1=part' }],
    ['GET', '/news', { cookie: 'zh-script=hant' }],
    ['GET', '/news', { cookie: 'zh-script=hant', 'x-zh-script-inner': '1' }],
    ['GET', '/news', { rsc: '1' }],
    ['GET', '/news', { 'next-router-prefetch': '1' }],
    ['GET', '/news?_rsc=abc', {}],
    ['GET', '/search?q=文明', {}],
    ['GET', '/news', { 'x-forwarded-host': 'evil.example' }],
    ['GET', '/news', { host: 'evil.example' }],
    ['GET', '/login', {}],
    ['GET', '/api/health', {}],
    ['GET', '/admin/news', {}],
    ['GET', '/media/abc/800', {}],
    ['GET', '/news/%C0%AE', {}],
    ['HEAD', '/news', {}],
    ['POST', '/news', {}],
  ];

  it('caches exactly what proxy.ts caches', async () => {
    for (const [method, path, headers] of cases) {
      const url = new URL(path, ORIGIN);
      const raw = url.pathname + url.search;
      const front = frontLookup(method, raw, lower({ host: 'portal.test', ...headers }), ORIGIN) !== null;
      expect(front, `${method} ${path} ${JSON.stringify(headers)}`).toBe(await proxyCaches(method, raw, headers));
    }
  });

  it('uses proxy.ts keys: the page at the public origin and its script', () => {
    expect(frontLookup('GET', '/news?page=2', { host: 'portal.test' }, ORIGIN)).toEqual({ key: 'hans http://portal.test/news?page=2', pathname: '/news' });
    expect(frontLookup('GET', '/news', { host: 'portal.test', cookie: 'zh-script=hant', 'x-zh-script-inner': '1' }, ORIGIN)?.key).toBe('hant http://portal.test/news');
  });

  it('leaves proxy.ts its own renders, and request lines that URL parsing would change, to Next.js', () => {
    const host = { host: 'portal.test' };
    expect(frontLookup('GET', '/news', { ...host, 'x-civic-render': 'anything' }, ORIGIN)).toBeNull();
    expect(frontLookup('GET', '/news', { ...host, 'x-civic-inline-not-found': '1' }, ORIGIN)).toBeNull();
    for (const raw of ['/a/../news', '/news?', '//evil.example/news', 'http://portal.test/news', '/新闻', '/news#x', '*']) {
      expect(frontLookup('GET', raw, host, ORIGIN), raw).toBeNull();
    }
  });
});

describe('encodings', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('BR;q=1.0')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0.8, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, identity')).toBe('identity');
    expect(chooseEncoding('gzip;q=0')).toBe('identity');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding('')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

const RULES: HeaderRule[] = [
  { regex: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$', headers: [{ key: 'X-Frame-Options', value: 'DENY' }, { key: 'Referrer-Policy', value: 'no-referrer' }] },
  { regex: '^/news(?:/)?$', headers: [{ key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' }] },
];

describe('next.config.js headers', () => {
  it('adds the matching rules in order, the later winning', () => {
    expect(routeHeaders({ rules: RULES, caseSensitive: false }, '/news')).toEqual([
      ['X-Frame-Options', 'DENY'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ]);
    expect(routeHeaders({ rules: RULES, caseSensitive: false }, '/good-people')).toEqual([
      ['X-Frame-Options', 'DENY'],
      ['Referrer-Policy', 'no-referrer'],
    ]);
  });

  it('leaves pages under request-dependent or parameterised rules to Next.js', () => {
    const has: HeaderRule = { regex: '^/news(?:/)?$', headers: [{ key: 'X-A', value: '1' }], has: [{ type: 'cookie', key: 'x' }] };
    const param: HeaderRule = { regex: '^/news(?:/)?$', headers: [{ key: 'X-Path', value: '/see/:path' }] };
    expect(routeHeaders({ rules: [...RULES, has], caseSensitive: false }, '/news')).toBeNull();
    expect(routeHeaders({ rules: [...RULES, param], caseSensitive: false }, '/news')).toBeNull();
    expect(routeHeaders({ rules: [...RULES, has], caseSensitive: false }, '/credit')).not.toBeNull();
  });
});

describe('answering hits', () => {
  let server: http.Server;
  let port = 0;
  let store: PageCache = sharedPageCache();

  beforeAll(async () => {
    const front = new FrontCache({ rules: RULES, caseSensitive: false }, () => store);
    server = http.createServer((req, res) => {
      if (!front.serve(req, res)) res.writeHead(599).end('next');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => server.close());

  function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { host: 'portal.test', ...headers } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  }

  it('answers a page proxy.ts stored, with its nonce and headers, in every encoding', async () => {
    store = sharedPageCache();
    expect((await get('/good-people?page=9')).status).toBe(599); // a miss is for Next.js
    const stored = await proxy(new NextRequest(`${ORIGIN}/good-people?page=9`, { headers: { host: 'portal.test' } }));
    expect(stored.headers.get('x-page-cache')).toBe('MISS');
    const html = Buffer.from(await stored.arrayBuffer());
    const rendersBefore = renders;

    const plain = await get('/good-people?page=9');
    expect(plain.status).toBe(200);
    expect(plain.body.equals(html)).toBe(true);
    expect(plain.headers['x-page-cache']).toBe('HIT');
    expect(plain.headers['x-page-cache-layer']).toBe('front');
    expect(plain.headers['content-security-policy']).toBe(stored.headers.get('content-security-policy'));
    expect(plain.headers['cache-control']).toBe('public, max-age=0, s-maxage=10, stale-while-revalidate=30');
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(plain.headers['x-robots-tag']).toBe('noarchive');
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(plain.headers['referrer-policy']).toBe('no-referrer');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.headers['content-encoding']).toBeUndefined();

    const [br, gzip] = await Promise.all([get('/good-people?page=9', { 'accept-encoding': 'gzip, br' }), get('/good-people?page=9', { 'accept-encoding': 'gzip' })]);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(html)).toBe(true);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).equals(html)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(html.length / 2);
    // Compressed once: the second brotli answer is the very same bytes.
    expect((await get('/good-people?page=9', { 'accept-encoding': 'br' })).body.equals(br.body)).toBe(true);
    expect(renders).toBe(rendersBefore);
  });

  it('leaves a page whose tags moved, or anything proxy.ts would not cache, to Next.js', async () => {
    store = sharedPageCache();
    await proxy(new NextRequest(`${ORIGIN}/credit/black?page=4`, { headers: { host: 'portal.test' } }));
    expect((await get('/credit/black?page=4')).headers['x-page-cache']).toBe('HIT');
    expect((await get('/credit/black?page=4', { cookie: 'next-auth.session-token=t' })).status).toBe(599);
    expect((await get('/credit/black?page=4', { cookie: 'zh-script=hant' })).status).toBe(599);
    expect((await get('/credit/black?page=4', { host: 'evil.example' })).status).toBe(599);
    bumpTags(['credit']);
    expect((await get('/credit/black?page=4')).status).toBe(599);
  });

  it('serves nothing past the page expiry (its lifetime or the city midnight)', async () => {
    store = new PageCache();
    const page = { status: 200, headers: [] as [string, string][], body: Buffer.from('<p>旧</p>'), nonce: 'n', fingerprint: PageCache.fingerprint('/'), expires: Date.now() + 60_000 };
    store.set('hans http://portal.test/', page);
    expect((await get('/')).status).toBe(200);
    store.set('hans http://portal.test/', { ...page, expires: Date.now() - 1 });
    expect((await get('/')).status).toBe(599);
  });

  it('serves a page past its lifetime, within its grace window, while ONE re-render runs', async () => {
    store = sharedPageCache();
    const path = '/good-people?page=8';
    const key = pageCacheKey(new URL(path, ORIGIN), 'hans', ORIGIN);
    const fingerprint = PageCache.fingerprint('/good-people');
    const visit = () => proxy(new NextRequest(`${ORIGIN}${path}`, { headers: { host: 'portal.test' } }));
    expect((await visit()).headers.get('x-page-cache')).toBe('MISS');
    const old = store.lookup(key, fingerprint)!.page;
    const oldBody = old.body.toString();
    // Its lifetime ends (the grace window not).
    store.set(key, { ...old, expires: Date.now() - 1, staleUntil: Date.now() + 30_000 });
    const rendersBefore = renders;
    let release = () => {};
    gate = new Promise((resolve) => (release = resolve));
    try {
      // The front layer leaves the first request to proxy.ts, which answers it stale and starts the re-render...
      expect((await get(path)).status).toBe(599);
      // That visitor leaves at once: the re-render is not theirs to abort.
      const leaving = new AbortController();
      const first = await proxy(new NextRequest(`${ORIGIN}${path}`, { headers: { host: 'portal.test' }, signal: leaving.signal }));
      leaving.abort();
      expect(first.headers.get('x-page-cache')).toBe('STALE');
      expect(await first.text()).toBe(oldBody);
      // ...and while it runs, everyone gets the stale copy at once: from the front layer and from proxy.ts.
      const front = await Promise.all(Array.from({ length: 20 }, () => get(path, { 'accept-encoding': 'gzip' })));
      for (const answer of front) {
        expect(answer.status).toBe(200);
        expect(answer.headers['x-page-cache']).toBe('STALE');
        expect(answer.headers['x-page-cache-layer']).toBe('front');
        expect(zlib.gunzipSync(answer.body).toString()).toBe(oldBody);
      }
      const viaProxy = await Promise.all(Array.from({ length: 5 }, visit));
      expect(viaProxy.map((response) => response.headers.get('x-page-cache'))).toEqual(Array(5).fill('STALE'));
      expect(renders).toBe(rendersBefore + 1);
    } finally {
      release();
      gate = Promise.resolve();
    }
    // The one re-render is stored: fresh hits with the new page, and no other render was made.
    await expect.poll(async () => (await get(path)).headers['x-page-cache']).toBe('HIT');
    const fresh = await get(path);
    expect(fresh.body.toString()).not.toBe(oldBody);
    expect(fresh.body.toString()).toContain(`render ${rendersBefore + 1}`);
    expect(renders).toBe(rendersBefore + 1);
  });

  it('never serves a stale copy past a tag change: the visitor waits for a fresh render', async () => {
    store = sharedPageCache();
    const path = '/credit/red?page=3';
    const key = pageCacheKey(new URL(path, ORIGIN), 'hans', ORIGIN);
    const visit = () => proxy(new NextRequest(`${ORIGIN}${path}`, { headers: { host: 'portal.test' } }));
    await visit();
    const old = store.lookup(key, PageCache.fingerprint('/credit/red'))!.page;
    store.set(key, { ...old, expires: Date.now() - 1, staleUntil: Date.now() + 30_000 });
    bumpTags(['credit']);
    expect((await get(path)).status).toBe(599);
    const rendersBefore = renders;
    const answer = await visit();
    expect(answer.headers.get('x-page-cache')).toBe('MISS');
    expect(await answer.text()).toContain(`render ${rendersBefore + 1}`);
  });
});
