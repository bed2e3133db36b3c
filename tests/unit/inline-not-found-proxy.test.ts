// A page's notFound() through proxy.ts: Next.js answers such a 404 with an empty document, so the proxy asks
// the page once more for its message as content and sends that with status 404 (lib/inline-not-found.ts).
// Against a stand-in for the Next.js server.
import http from 'node:http';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INLINE_NOT_FOUND_HEADER } from '@/lib/inline-not-found';
import { proxy } from '@/proxy';

const EMPTY_404 = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div></body></html>';
let server: http.Server;
let renders: { url: string; inline: boolean }[] = [];
const saved = { origin: process.env.__NEXT_PRIVATE_ORIGIN, site: process.env.SITE_URL };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const inline = request.headers[INLINE_NOT_FOUND_HEADER] === '1';
    renders.push({ url: request.url ?? '', inline });
    const html = { 'content-type': 'text/html; charset=utf-8' };
    if (request.url === '/credit/999999') {
      if (inline) response.writeHead(200, html).end('<!DOCTYPE html><html><body><header>江城文明网</header><main><h1>页面不存在</h1><p>公示期满后自动停止公示</p></main></body></html>');
      else response.writeHead(404, html).end(EMPTY_404);
    } else if (request.url === '/other-404') {
      response.writeHead(404, html).end('<!DOCTYPE html><html lang="zh-CN"><body><main><h1>页面不存在</h1></main></body></html>');
    } else {
      response.writeHead(200, html).end(`<!DOCTYPE html><html><body><h1>${request.url}</h1></body></html>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  process.env.SITE_URL = 'http://portal.test';
});

afterAll(() => {
  server.close();
  process.env.__NEXT_PRIVATE_ORIGIN = saved.origin;
  if (saved.site === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved.site;
});

beforeEach(() => {
  renders = [];
});

const visit = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://portal.test${path}`, { headers: { host: 'portal.test', ...headers } }));

describe('a page’s 404 through the proxy', () => {
  it('answers 404 with the page’s own not-found content instead of an empty document, and does not keep it', async () => {
    const response = await visit('/credit/999999');
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('公示期满后自动停止公示');
    expect(body).not.toContain('__next_error__');
    expect(renders).toEqual([
      { url: '/credit/999999', inline: false },
      { url: '/credit/999999', inline: true },
    ]);
    await visit('/credit/999999');
    expect(renders).toHaveLength(4);
  });

  it('leaves other 404 documents as they are (rendered again for the visitor)', async () => {
    const response = await visit('/other-404');
    expect(renders).toEqual([{ url: '/other-404', inline: false }]);
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('never passes a visitor’s own inline header on', async () => {
    const response = await visit('/news', { [INLINE_NOT_FOUND_HEADER]: '1' });
    expect(response.status).toBe(200);
    expect(renders).toEqual([{ url: '/news', inline: false }]);
  });
});
