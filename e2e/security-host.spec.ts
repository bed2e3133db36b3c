// Issue 15: the page cache could be poisoned through the Host header. A request naming another host
// (Host: evil.example with X-Forwarded-Host: the real one, or the reverse) must neither read nor fill the
// shared page cache, and no page may take its absolute links (canonical, og:url, the share link and its
// QR code) from a request header: they come from the public address (server/site-url.ts).
import http from 'node:http';
import { expect, test } from '@playwright/test';
import QRCode from 'qrcode';

/** A GET with exactly these headers (Host included), straight over a socket. */
function rawGet(baseURL: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: base.hostname, port: base.port, path, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** The absolute links of an article page: canonical, og:url, the share text and the QR code's SVG. */
function links(html: string) {
  return {
    canonical: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1],
    ogUrl: /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1],
    share: /<section aria-labelledby="share-heading"[\s\S]*?<p[^>]*>([^<]+)<\/p>/.exec(html)?.[1],
  };
}

test('a request for another host neither reads nor fills the page cache, and links name the public address', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const realHost = new URL(baseURL!).host;
  const article = /href="(\/news\/[a-z0-9-]{3,80})"/.exec(await (await request.get('/news')).text())?.[1];
  expect(article).toBeTruthy();
  // A query of its own: nobody else has this page in the cache.
  const path = `${article}?poison=${Date.now().toString(36)}`;
  const expected = new URL(article!, origin).href;

  const attacks: Record<string, string>[] = [
    { Host: 'evil.example', 'X-Forwarded-Host': realHost },
    { Host: realHost, 'X-Forwarded-Host': 'evil.example' },
    { Host: 'evil.example' },
  ];
  for (const headers of attacks) {
    const evil = await rawGet(baseURL!, path, headers);
    const label = JSON.stringify(headers);
    expect(evil.status, label).toBe(200);
    expect(evil.headers['x-page-cache'], label).toBeUndefined();
    expect(evil.headers['cache-control'], label).not.toContain('public');
    expect(evil.body, label).not.toContain('evil.example');
    expect(links(evil.body).canonical, label).toBe(expected);
  }

  // The next ordinary visitor gets a render of their own (nothing was stored), with the real links.
  const visitor = await request.get(path);
  expect(visitor.headers()['x-page-cache']).toBe('MISS');
  const html = await visitor.text();
  expect(html).not.toContain('evil.example');
  expect(links(html)).toEqual({ canonical: expected, ogUrl: expected, share: expected });
  const qr = await QRCode.toString(expected, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  expect(html).toContain(qr);
  expect((await request.get(path)).headers()['x-page-cache']).toBe('HIT');

  // And a poisoned request after that does not get the cached page either.
  expect((await rawGet(baseURL!, path, attacks[0]!)).headers['x-page-cache']).toBeUndefined();
});

test('feeds, the sitemap and robots.txt name the public address whatever the Host header says', async ({ baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const path of ['/feed.xml', '/sitemap.xml', '/robots.txt']) {
    const answer = await rawGet(baseURL!, path, { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' });
    expect(answer.status, path).toBe(200);
    expect(answer.body, path).not.toContain('evil.example');
    expect(answer.body, path).toContain(origin);
  }
});
