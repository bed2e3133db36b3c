// npm run bench: one autocannon measurement per target, signing in, and first-load JS per page kind.
import http from 'node:http';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

/** floor: the empty page rendered for each request (a query text keeps it out of the page cache), the reference of look-ups. */
export type TargetKind = 'static' | 'page' | 'floor' | 'lookup' | 'admin';

export interface Target {
  name: string;
  kind: TargetKind;
  path: string;
  connections: number;
  /** Origin to measure against when it is not the default one (nginx's own static file). */
  origin?: string;
  cookie?: string;
}

export interface Measurement {
  name: string;
  kind: TargetKind;
  path: string;
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /**
   * One request made after the warm-up: its status, size, nginx's X-Cache-Status, and the app's page cache
   * (X-Page-Cache, with `front` when server/http/serve.ts answered it before Next.js).
   */
  probe: { status: number; cacheStatus: string | null; pageCache?: string | null; bytes: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  peakRssBytes: number;
}

export interface RunSettings {
  durationSeconds: number;
  warmupSeconds: number;
}

/**
 * One request as autocannon sends it: node:http rather than fetch, which would add an Accept-Encoding
 * header and so ask nginx for another cache variant (the app answers `Vary: Accept-Encoding`).
 */
function probe(url: string, headers: Record<string, string>): Promise<Measurement['probe']> {
  return new Promise((resolve) => {
    const request = http.get(url, { headers, timeout: 30_000 }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      response.on('end', () => {
        const cache = response.headers['x-cache-status'];
        const page = response.headers['x-page-cache'];
        const layer = response.headers['x-page-cache-layer'];
        resolve({
          status: response.statusCode ?? 0,
          cacheStatus: typeof cache === 'string' ? cache : null,
          pageCache: typeof page === 'string' ? `${page}${typeof layer === 'string' ? ` ${layer}` : ''}` : null,
          bytes,
        });
      });
      response.on('error', () => resolve({ status: 0, cacheStatus: null, bytes: 0 }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ status: 0, cacheStatus: null, bytes: 0 }));
  });
}

/** Warm-up (discarded), then the measured run at the same concurrency. */
export async function measure(origin: string, target: Target, settings: RunSettings, windowPeak: () => number): Promise<Measurement> {
  const url = `${target.origin ?? origin}${target.path}`;
  const headers: Record<string, string> = target.cookie ? { cookie: target.cookie } : {};
  if (settings.warmupSeconds > 0) await autocannon({ url, connections: target.connections, duration: settings.warmupSeconds, headers });
  const first = await probe(url, headers);
  windowPeak();
  const result = await autocannon({ url, connections: target.connections, duration: settings.durationSeconds, headers, timeout: 10 });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]));
  return {
    name: target.name,
    kind: target.kind,
    path: target.path,
    url,
    connections: target.connections,
    durationSeconds: settings.durationSeconds,
    requests: result.latency.totalCount,
    reqPerSec: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: Math.round(result.latency.mean * 10) / 10 },
    probe: first,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    peakRssBytes: windowPeak(),
  };
}

// ---- signing in (next-auth v4 credentials) ---------------------------------------------------

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!.trim());
}

/** The session cookie of a credentials sign-in, checked against an admin page. */
export async function signIn(origin: string, username: string, password: string, checkPath: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status} without a csrfToken`);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiePairs(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${origin}/admin`, json: 'true' }),
  });
  await response.arrayBuffer();
  const session = cookiePairs(response).filter((pair) => /^(__Secure-)?next-auth\.session-token(\.\d+)?=/.test(pair));
  if (session.length === 0) throw new Error(`Signing in as ${username} failed: HTTP ${response.status} without a session cookie (${response.headers.get('location') ?? 'no redirect'})`);
  const cookie = session.join('; ');
  const check = await fetch(`${origin}${checkPath}`, { headers: { cookie }, redirect: 'manual' });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`Signed in, but ${checkPath} answered ${check.status} instead of 200`);
  return cookie;
}

// ---- first-load JS ---------------------------------------------------------------------------

export interface FirstLoadJs {
  page: string;
  path: string;
  status: number;
  scripts: number;
  rawBytes: number;
  gzipBytes: number;
  /** The page's HTML as sent (uncompressed), and the part of it that is the inlined RSC payload (issue 17). */
  htmlBytes: number;
  payloadBytes: number;
}

/** Bytes of the inline `<script>self.__next_f.push(...)</script>` elements: the RSC payload React hydrates from. */
export function inlinePayloadBytes(html: string): number {
  let bytes = 0;
  for (const [element] of html.matchAll(/<script\b[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)) bytes += Buffer.byteLength(element);
  return bytes;
}

/** Every `<script src>` under /_next/static that a page's HTML loads (noModule polyfills aside), gzipped (level 9, as a CDN would) and summed. */
export async function firstLoadJs(origin: string, pages: { page: string; path: string }[]): Promise<FirstLoadJs[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const results: FirstLoadJs[] = [];
  for (const { page, path } of pages) {
    const response = await fetch(`${origin}${path}`);
    const html = await response.text();
    const sources = new Set<string>();
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      // Modern browsers skip the noModule polyfills, so they are not part of the first load.
      if (/\snomodule\b/i.test(tag)) continue;
      const src = /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&');
      if (src?.startsWith('/_next/static/')) sources.add(src);
    }
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const src of sources) {
      let size = sizes.get(src);
      if (!size) {
        const script = await fetch(`${origin}${src}`);
        if (!script.ok) throw new Error(`${src} (loaded by ${path}) answered ${script.status}`);
        const bytes = Buffer.from(await script.arrayBuffer());
        size = { raw: bytes.byteLength, gzip: zlib.gzipSync(bytes, { level: 9 }).byteLength };
        sizes.set(src, size);
      }
      rawBytes += size.raw;
      gzipBytes += size.gzip;
    }
    results.push({ page, path, status: response.status, scripts: sources.size, rawBytes, gzipBytes, htmlBytes: Buffer.byteLength(html), payloadBytes: inlinePayloadBytes(html) });
  }
  return results;
}
