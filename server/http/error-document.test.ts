// Empty error documents get their message for readers without JavaScript (server/http/error-document.ts):
// over a real socket, behind the compression Next.js itself applies (next/dist/compiled/compression), for
// each encoding; every other answer passes through byte for byte.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
// @ts-expect-error -- Next.js's bundled copy of the compression middleware has no type declarations.
import compression from 'next/dist/compiled/compression';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainEmptyErrorDocuments, rewriteErrorDocument } from './error-document';

/** The shape of Next.js's answer to a page's notFound(): scripts, no message. */
const EMPTY_DOC =
  '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/><title>页面不存在 - 管理后台</title></head><body><div hidden=""><!--$--><!--/$--></div>' +
  `<script nonce="n1">${'self.__next_f.push([1,"payload"]);'.repeat(300)}</script></body></html>`;
const PAGE = `<!DOCTYPE html><html lang="zh-CN"><body><main><h1>页面不存在</h1>${Array.from({ length: 2000 }, (_, i) => `<p>文明城市 ${i}</p>`).join('')}</main></body></html>`;

type Route = { status: number; body: string | Buffer; type?: string; length?: boolean; encoding?: string; pauseMs?: number };
/** Not gzip at all, though it says so: the wrapper must send it on as it came. */
const CORRUPT = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), randomBytes(2000)]);
const ROUTES: Record<string, Route> = {
  '/admin/news/999': { status: 404, body: EMPTY_DOC },
  '/admin/users': { status: 403, body: EMPTY_DOC },
  '/news/gone': { status: 404, body: EMPTY_DOC },
  '/broken': { status: 500, body: EMPTY_DOC },
  '/news': { status: 200, body: PAGE },
  '/with-content': { status: 404, body: PAGE },
  '/json': { status: 404, body: EMPTY_DOC, type: 'application/json' },
  '/sized': { status: 404, body: EMPTY_DOC, length: true },
  // Random text: compressed, still past the hold limit.
  '/long-error': { status: 500, body: EMPTY_DOC + '<!--' + randomBytes(300_000).toString('base64') + '-->' },
  '/corrupt': { status: 404, body: CORRUPT, encoding: 'gzip' },
  // An error page with content that takes its time: its start must not wait for its end.
  '/slow-error': { status: 404, body: PAGE, pauseMs: 1000 },
};

let server: http.Server;
let origin = '';
const compress = compression();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    explainEmptyErrorDocuments(req, res);
    res.setHeader('x-watched', String(res.write !== http.ServerResponse.prototype.write));
    // As Next.js does: its compression wraps the answer after (inside) the front layer's wrapper.
    compress(req, res, () => {
      const route = ROUTES[(req.url ?? '/').split('?')[0]!] ?? { status: 404, body: 'missing' };
      res.statusCode = route.status;
      res.setHeader('content-type', route.type ?? 'text/html; charset=utf-8');
      if (route.encoding) res.setHeader('content-encoding', route.encoding);
      if (route.length) res.setHeader('content-length', Buffer.byteLength(route.body));
      // Streamed in pieces over time, as React writes a document: headers first, each piece flushed.
      res.flushHeaders();
      const flush = () => (res as unknown as { flush?: () => void }).flush?.();
      const bytes = Buffer.from(route.body);
      const step = 4096;
      void (async () => {
        for (let at = 0; at < bytes.length; at += step) {
          res.write(bytes.subarray(at, at + step));
          flush();
          await new Promise((resolve) => setTimeout(resolve, at === 0 && route.pauseMs ? route.pauseMs : 1));
        }
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server.close());

/** Raw request (no automatic decompression): status, headers and the decoded body. */
type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; raw: Buffer; firstByteMs: number; endMs: number };
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(`${origin}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      let firstByteMs = -1;
      response.on('data', (chunk: Buffer) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - started;
        chunks.push(chunk);
      });
      response.on('end', () => {
        const endMs = performance.now() - started;
        const raw = Buffer.concat(chunks);
        if (path === '/corrupt') return resolve({ status: response.statusCode ?? 0, headers: response.headers, body: '', raw, firstByteMs, endMs });
        const encoding = response.headers['content-encoding'];
        const body = encoding === 'gzip' ? zlib.gunzipSync(raw) : encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'deflate' ? zlib.inflateSync(raw) : raw;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString('utf8'), raw, firstByteMs, endMs });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

const notice = (body: string) => /<noscript data-error-notice><main id="main"[^>]*><h1[^>]*>([^<]+)<\/h1><p>([^<]+)<\/p><p>(.*?)<\/p><\/main><\/noscript>/.exec(body);

describe('an empty error document', () => {
  // (Next.js's compression offers gzip and deflate; brotli is checked on rewriteErrorDocument below.)
  for (const encoding of ['identity', 'gzip', 'deflate']) {
    it(`gets its message for readers without JavaScript (${encoding})`, async () => {
      const answer = await get('/admin/news/999', { 'accept-encoding': encoding });
      expect(answer.status).toBe(404);
      expect(answer.headers['content-encoding'] ?? 'identity').toBe(encoding);
      const found = notice(answer.body);
      expect(found?.[1]).toBe('页面不存在');
      expect(found?.[2]).toContain('不存在');
      expect(found?.[3]).toContain('href="/admin"');
      // The document is otherwise the same: its scripts render the message for readers with JavaScript.
      expect(answer.body.replace(found![0], '').replace(' lang="zh-CN"', '')).toBe(EMPTY_DOC);
      expect(answer.body.startsWith('<!DOCTYPE html><html id="__next_error__" lang="zh-CN">')).toBe(true);
    });
  }

  it('says what its status means: 403, a public 404 with the way home and to search, 500', async () => {
    const forbidden = notice((await get('/admin/users', { 'accept-encoding': 'gzip' })).body);
    expect(forbidden?.[1]).toBe('无权访问（403）');
    expect(forbidden?.[2]).toContain('没有访问此页面的权限');
    const gone = notice((await get('/news/gone')).body);
    expect(gone?.[1]).toBe('页面不存在');
    expect(gone?.[3]).toContain('href="/"');
    expect(gone?.[3]).toContain('href="/search"');
    const broken = await get('/broken');
    expect(broken.status).toBe(500);
    expect(notice(broken.body)?.[1]).toBe('页面暂时无法显示');
  });
});

describe('every other answer', () => {
  const untouched: [string, Record<string, string>, string, number, string][] = [
    ['a page', {}, '/news', 200, PAGE],
    ['an error page that has its content', { 'accept-encoding': 'gzip' }, '/with-content', 404, PAGE],
    ['an answer that is not HTML', {}, '/json', 404, EMPTY_DOC],
    ['an answer whose length is fixed', {}, '/sized', 404, EMPTY_DOC],
    ['an RSC request', { rsc: '1' }, '/admin/news/999', 404, EMPTY_DOC],
    ['an error answer too long to be an empty document', { 'accept-encoding': 'gzip' }, '/long-error', 500, ROUTES['/long-error']!.body as string],
  ];
  for (const encoding of ['gzip', 'deflate']) untouched.push([`a page streamed in many pieces (${encoding})`, { 'accept-encoding': encoding }, '/news', 200, PAGE]);
  for (const [what, headers, path, status, body] of untouched) {
    it(`passes through as it came: ${what}`, async () => {
      const answer = await get(path, headers);
      expect(answer.status).toBe(status);
      expect(answer.body).toBe(body);
    });
  }

  it('watches GET answers only: HEAD and RSC requests are not even wrapped', async () => {
    expect((await get('/admin/news/999')).headers['x-watched']).toBe('true');
    const head = await get('/admin/news/999', {}, 'HEAD');
    expect(head.status).toBe(404);
    expect(head.headers['x-watched']).toBe('false');
    expect((await get('/admin/news/999', { rsc: '1' })).headers['x-watched']).toBe('false');
  });

  it('sends on a body it cannot decode exactly as it came', async () => {
    const answer = await get('/corrupt', { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(404);
    expect(answer.raw.equals(CORRUPT)).toBe(true);
  });

  it('lets an error page with content stream: its start does not wait for its end', async () => {
    const answer = await get('/slow-error', { 'accept-encoding': 'gzip' });
    expect(answer.body).toBe(PAGE);
    // The first piece is written a second before the rest.
    expect(answer.endMs - answer.firstByteMs).toBeGreaterThan(500);
  });
});

describe('rewriteErrorDocument', () => {
  it('leaves what it cannot read alone', () => {
    expect(rewriteErrorDocument(Buffer.from('not gzip'), 'gzip', 404, '/x')).toBeNull();
    expect(rewriteErrorDocument(zlib.gzipSync(EMPTY_DOC), 'compress', 404, '/x')).toBeNull();
    expect(rewriteErrorDocument(Buffer.from(PAGE), '', 404, '/x')).toBeNull();
  });

  it('keeps the encoding it was given (brotli)', () => {
    const out = rewriteErrorDocument(zlib.brotliCompressSync(EMPTY_DOC), 'br', 404, '/admin/news/1')!;
    expect(notice(zlib.brotliDecompressSync(out).toString('utf8'))?.[1]).toBe('页面不存在');
  });

  it('gives a document one notice only (a 繁體 page passes the front layer twice)', () => {
    const once = rewriteErrorDocument(Buffer.from(EMPTY_DOC), '', 404, '/news/x')!;
    expect(rewriteErrorDocument(once, '', 404, '/news/x')).toBeNull();
  });

  it('echoes nothing of the address', () => {
    const out = rewriteErrorDocument(Buffer.from(EMPTY_DOC), '', 404, '/admin/<script>alert(1)</script>')!.toString('utf8');
    expect(out).not.toContain('alert');
    expect(notice(out)?.[3]).toContain('href="/admin"');
  });
});
