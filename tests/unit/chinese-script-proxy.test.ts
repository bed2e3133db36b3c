// proxy.ts end to end against a stand-in for the Next.js server: what the loopback request carries and
// what the visitor gets back in each case.
import http from 'node:http';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

let server: http.Server;
let innerRequests: { url: string; headers: http.IncomingHttpHeaders }[] = [];
const savedOrigin = process.env.__NEXT_PRIVATE_ORIGIN;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    innerRequests.push({ url: request.url ?? '', headers: request.headers });
    if (request.url === '/redirect') {
      response.writeHead(307, { location: '/credit' }).end();
    } else if (request.url === '/credit/9' && request.headers.rsc === '1') {
      // Next.js 16 sends an RSC request without its _rsc parameter to the address with one.
      response.writeHead(307, { location: '/credit/9?_rsc' }).end();
    } else if (request.url === '/_next/static/chunks/a.js') {
      response.writeHead(200, { 'content-type': 'application/javascript; charset=UTF-8', 'cache-control': 'public, max-age=31536000, immutable', etag: '"c"' });
      response.end('a="高对比度"');
    } else if (request.headers.rsc === '1') {
      response.writeHead(200, { 'content-type': 'text/x-component', vary: 'rsc' }).end('0:["$","h1",null,{"children":"诚信红黑榜"}]\n');
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': ['a=1; Path=/', 'b=2; Path=/'], etag: '"p"' });
      response.end('<!DOCTYPE html><html lang="zh-CN"><body><h1>诚信红黑榜</h1><a>简体</a></body></html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${(server.address() as { port: number }).port}`;
});

afterAll(() => {
  server.close();
  process.env.__NEXT_PRIVATE_ORIGIN = savedOrigin;
});

function visit(path: string, headers: Record<string, string> = {}, method = 'GET') {
  innerRequests = [];
  return proxy(new NextRequest(`http://portal.test${path}`, { headers: { host: 'portal.test', ...headers }, method }));
}
const HANT = { cookie: 'zh-script=hant' };
const passesThrough = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy in 简体 mode', () => {
  it('does no conversion without the cookie (signed-in visitors bypass the page cache too)', async () => {
    expect(passesThrough(await visit('/credit', { cookie: 'next-auth.session-token=t' }))).toBe(true);
    expect(innerRequests).toHaveLength(0);
  });

  it('keeps the admin sign-in redirect', async () => {
    const response = await visit('/admin/users?x=1');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://portal.test/login?callbackUrl=%2Fadmin%2Fusers%3Fx%3D1');
    expect(passesThrough(await visit('/admin/users', { cookie: 'next-auth.session-token=t' }))).toBe(true);
    expect(passesThrough(await visit('/admin/users', { 'next-action': 'x' }, 'POST'))).toBe(true);
  });
});

describe('proxy in 繁體 mode', () => {
  it('converts a page fetched over loopback with the visitor headers', async () => {
    const response = await visit('/credit', HANT);
    expect(await response.text()).toBe('<!DOCTYPE html><html lang="zh-Hant"><body><h1>誠信紅黑榜</h1><a>简体</a></body></html>');
    expect(response.headers.get('content-language')).toBe('zh-Hant');
    expect(response.headers.get('vary')).toBe('Cookie');
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(innerRequests).toHaveLength(1);
    expect(innerRequests[0]!.headers).toMatchObject({ host: 'portal.test', cookie: 'zh-script=hant', 'x-zh-script-inner': '1', 'accept-encoding': 'identity' });
  });

  it('converts RSC payloads when the router headers are visible', async () => {
    const response = await visit('/credit?_rsc=abc', { ...HANT, rsc: '1' });
    expect(await response.text()).toBe('0:["$","h1",null,{"children":"誠信紅黑榜"}]\n');
    expect(response.headers.get('vary')).toBe('rsc, Cookie');
    expect(innerRequests[0]!.url).toBe('/credit?_rsc=abc');
  });

  it('sends hidden router fetches to a full page load', async () => {
    const response = await visit('/credit', { ...HANT, 'sec-fetch-dest': 'empty' });
    expect(response.status).toBe(204);
    expect(innerRequests).toHaveLength(0);
  });

  it('leaves client chunks alone (client text is converted in the browser)', async () => {
    expect(passesThrough(await visit('/_next/static/chunks/a.js', HANT))).toBe(true);
  });

  it('passes redirects, server actions, the inner request and other routes through', async () => {
    const redirect = await visit('/redirect', HANT);
    expect(redirect.status).toBe(307);
    // Absolute: Next.js parses a proxy's Location with new URL() (a relative one was a 500, issue 15)
    // and makes it relative again itself.
    expect(redirect.headers.get('location')).toBe('http://portal.test/credit');
    const rsc = await visit('/credit/9', { ...HANT, rsc: '1' });
    expect(rsc.status).toBe(307);
    expect(rsc.headers.get('location')).toBe('http://portal.test/credit/9?_rsc');
    expect(passesThrough(await visit('/credit', { ...HANT, 'next-action': 'abc' }, 'POST'))).toBe(true);
    // (The anonymous inner request goes to the page cache: lib/page-cache-proxy.test.ts.)
    expect(passesThrough(await visit('/credit', { cookie: 'zh-script=hant; next-auth.session-token=t', 'x-zh-script-inner': '1' }))).toBe(true);
    for (const path of ['/api/health', '/feed.xml', '/media/a.webp', '/login']) expect(passesThrough(await visit(path, HANT)), path).toBe(true);
    expect(innerRequests).toHaveLength(0);
  });
});
