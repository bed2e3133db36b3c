// Runs before every page and API route (not static files), for these jobs:
// 1. Security: a per-request CSP nonce (lib/security-headers.ts; file routes get the file CSP instead),
//    and state-changing requests from other sites are refused before they reach a server action or an
//    API route.
// 2. A convenience only: visitors without a session cookie go straight to the sign-in page.
//    Every admin page and action still checks the user and role on the server (server/auth.ts).
// 3. The page cache (server/cache/page-cache.ts): anonymous visitors of the public origin
//    (server/site-url.ts) get public pages from memory; a miss is rendered once over loopback and stored
//    with its render's nonce. Under server/http/serve.ts (npm start) hits are answered before Next.js, by
//    server/http/front-cache.ts from the same store: what reaches this file is mostly misses.
// 4. 繁體 mode (cookie zh-script=hant, see lib/chinese-script.ts): public pages and their RSC payloads
//    are fetched again from this server over loopback and converted to Traditional characters.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { NextResponse, type NextRequest } from 'next/server';
import {
  ConversionCache,
  INNER_HEADER,
  SCRIPT_COOKIE,
  innerRequestHeaders,
  scriptRoute,
} from '@/lib/chinese-script';
import {
  PRIVATE_CACHE_CONTROL,
  PageCache,
  RENDER_HEADER,
  SESSION_COOKIES,
  cachedPageHeaders,
  pageCacheKeyFor,
  pageExpiry,
  pageStaleUntil,
  sharedPageCache,
  type CachedPage,
} from '@/server/cache/page-cache';
import { LOOPBACK_HEADER, LOOPBACK_SECRET_ENV } from '@/lib/client-ip';
import { FILE_CONTENT_SECURITY_POLICY, contentSecurityPolicy, isCrossOriginWrite, isFileRoute, newNonce } from '@/lib/security-headers';
import { INLINE_NOT_FOUND_HEADER, PATH_HEADER, isEmptyErrorDocument } from '@/lib/inline-not-found';
import { decodeSegment, isAdminPath } from '@/lib/routes';
import { publicOrigin, requestOrigin } from '@/server/site-url';

/** The value of RENDER_HEADER on this server's own loopback renders; unknown outside the process. */
const RENDER_SECRET = randomBytes(24).toString('base64url');
const NONCE_HEADER = 'x-nonce';

/**
 * Passes the request on to Next.js with this nonce: in the request's CSP (Next.js reads it there) and the
 * response's. Only this server's own renders (`ownRender`) may ask a page for its inline 404.
 */
function nextWithNonce(request: NextRequest, nonce: string, ownRender = false): NextResponse {
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.delete(RENDER_HEADER);
  if (!ownRender) headers.delete(INLINE_NOT_FOUND_HEADER);
  headers.set(NONCE_HEADER, nonce);
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

/** Passes a file route on (/admin/files/<id>, /media/...) with the file CSP: `sandbox`, no scripts at all. */
function nextFile(): NextResponse {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', FILE_CONTENT_SECURITY_POLICY);
  return response;
}

function adminGate(request: NextRequest, pass: () => NextResponse) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return pass();
  // Only page visits are redirected. A server action posted after the session expired must reach the
  // action, which answers "登录已过期" so that the editor's form keeps its text.
  if (request.method !== 'GET' && request.method !== 'HEAD') return pass();
  const login = new URL('/login', request.url);
  const back = new URL(request.nextUrl.href);
  back.searchParams.delete('_rsc'); // present only with skipProxyUrlNormalize
  login.searchParams.set('callbackUrl', back.pathname + back.search);
  return NextResponse.redirect(login);
}

const cache = new ConversionCache();
const INNER_TIMEOUT_MS = 30_000;

/** This server's own address: `next start` records it in __NEXT_PRIVATE_ORIGIN and PORT. */
function innerOrigin(): URL {
  const origin = new URL(process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`);
  if (origin.hostname === 'localhost') origin.hostname = '127.0.0.1';
  return origin;
}

interface InnerResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * GET the same path from this server with the visitor's headers. The loopback secret of
 * server/http/serve.ts (when it runs the app) keeps the visitor's client address on the inner request.
 */
function fetchInner(request: NextRequest, path: string, extraHeaders: Record<string, string> = {}, signal: AbortSignal | null = request.signal): Promise<InnerResponse> {
  const origin = innerOrigin();
  const loopbackSecret = process.env[LOOPBACK_SECRET_ENV];
  return new Promise((resolve, reject) => {
    const inner = http.request(
      {
        hostname: origin.hostname.replace(/^\[|\]$/g, ''),
        port: origin.port || 80,
        path,
        method: 'GET',
        headers: { ...innerRequestHeaders(request.headers), ...extraHeaders, ...(loopbackSecret ? { [LOOPBACK_HEADER]: loopbackSecret } : {}) },
        timeout: INNER_TIMEOUT_MS,
        signal: signal ?? undefined,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    inner.on('timeout', () => inner.destroy(new Error('loopback request timed out')));
    inner.on('error', reject);
    inner.end();
  });
}

/** The inner response with its body converted when it is a page or an RSC payload. */
function convertedResponse(inner: InnerResponse, request: NextRequest): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(inner.headers)) {
    if (value === undefined || /^(content-length|content-encoding|transfer-encoding|connection|keep-alive|etag)$/i.test(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Next.js answers a redirect (an RSC request without its _rsc parameter, /news/<id> to its slug) with
  // a relative Location, but a proxy's answer must carry an absolute one: Next.js parses it with
  // new URL() (a relative one threw: a 500) and, with skipProxyUrlNormalize, passes it on as it is. So
  // it names the origin the visitor addressed (request.nextUrl would say localhost for 127.0.0.1).
  const location = headers.get('location');
  if (location !== null) {
    try {
      headers.set('location', new URL(location, requestOrigin(request.headers) + request.nextUrl.pathname).href);
    } catch {
      headers.delete('location');
    }
  }
  const contentType = headers.get('content-type');
  let body: Uint8Array<ArrayBuffer> | string = Uint8Array.from(inner.body);
  if (inner.status === 200 || inner.status >= 400) {
    const converted = cache.convert(inner.body.toString('utf8'), contentType);
    if (converted !== null) {
      body = converted;
      headers.set('Content-Language', 'zh-Hant');
    }
  }
  headers.append('Vary', 'Cookie');
  // Chosen by a cookie: never for shared caches.
  headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
  return new Response(inner.status === 204 || inner.status === 304 ? null : body, { status: inner.status, headers });
}

async function serveTraditional(request: NextRequest, nonce: string): Promise<Response> {
  const { pathname } = request.nextUrl;
  // Without skipProxyUrlNormalize (next.config.js) Next.js hides the RSC headers of client navigation
  // from the proxy, so its payload cannot be fetched again. Answering anything but an RSC payload makes
  // the router load the page as a document, which is then converted: navigation stays Traditional.
  if (!request.headers.has('rsc') && request.headers.get('sec-fetch-dest') === 'empty') {
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', Vary: 'Cookie' } });
  }
  try {
    const inner = await fetchInner(request, pathname + request.nextUrl.search);
    return convertedResponse(inner, request);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`zh-script: loopback request for ${pathname} failed, serving Simplified`, error);
    return nextWithNonce(request, nonce);
  }
}

// Shared with server/http/front-cache.ts, which answers the hits before they reach Next.js.
const pages = sharedPageCache();
/** Misses being rendered now: concurrent visitors of the same page wait for one render. */
const rendering = new Map<string, Promise<CachedPage | null>>();
const STORED_HEADERS = /^(content-type|content-language|link|x-robots-tag)$/i;

function pageResponse(page: CachedPage, state: 'HIT' | 'MISS' | 'STALE'): Response {
  const headers = new Headers(cachedPageHeaders(page, state));
  // Next.js drops Content-Encoding from proxy answers and compresses them itself (when the client takes it).
  return new Response(new Uint8Array(page.body), { status: page.status, headers });
}

const isHtml = (inner: InnerResponse) => String(inner.headers['content-type'] ?? '').startsWith('text/html');

/**
 * Renders the page over loopback for the cache; null when the answer must not be cached. A page's own
 * notFound() comes back as an empty 404 document (lib/inline-not-found.ts): the page is asked once more for
 * its not-found message as content, which is answered with status 404 (and not stored).
 */
/** `signal` null: a background render, which the visitor's leaving does not abort. */
async function renderForCache(request: NextRequest, fingerprint: string, signal: AbortSignal | null = request.signal): Promise<CachedPage | null> {
  const nonce = newNonce();
  const now = Date.now();
  const [expires, staleUntil] = [pageExpiry(now), pageStaleUntil(now)];
  const path = request.nextUrl.pathname + request.nextUrl.search;
  let inner = await fetchInner(request, path, { [RENDER_HEADER]: RENDER_SECRET, [NONCE_HEADER]: nonce }, signal);
  let status = inner.status;
  if (status === 404 && isHtml(inner) && isEmptyErrorDocument(inner.body.toString('utf8'))) {
    const inline = await fetchInner(request, path, { [RENDER_HEADER]: RENDER_SECRET, [NONCE_HEADER]: nonce, [INLINE_NOT_FOUND_HEADER]: '1' }, signal);
    if (inline.status === 200 && isHtml(inline)) [inner, status] = [inline, 404];
  }
  if (inner.status !== 200 || inner.headers['set-cookie'] || !isHtml(inner)) return null;
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(inner.headers)) {
    if (typeof value === 'string' && STORED_HEADERS.test(name)) headers.push([name, value]);
  }
  return { status, headers, body: inner.body, nonce, fingerprint, expires, staleUntil };
}

/**
 * Renders a stale page again in the background (no visitor waits for it, none can abort it): stored when
 * it may be, otherwise the stale copy is dropped so that the next visitor gets a render of their own.
 */
function revalidate(request: NextRequest, key: string, fingerprint: string): void {
  renderForCache(request, fingerprint, null).then(
    (page) => (page?.status === 200 ? pages.set(key, page) : pages.delete(key)),
    (error: unknown) => {
      pages.delete(key);
      console.error(`page cache: re-render of ${request.nextUrl.pathname} failed`, error);
    },
  );
}

async function servePage(request: NextRequest, nonce: string, key: string): Promise<Response> {
  const fingerprint = PageCache.fingerprint(request.nextUrl.pathname);
  const cached = pages.lookup(key, fingerprint);
  if (cached?.state === 'fresh') return pageResponse(cached.page, 'HIT');
  if (cached) {
    // Past its lifetime only (a tag change or midnight never leaves a stale copy): served while one re-render runs.
    if (pages.claimRevalidation(key, cached.page)) revalidate(request, key, fingerprint);
    return pageResponse(cached.page, 'STALE');
  }
  const flightKey = `${key} ${fingerprint}`;
  let flight = rendering.get(flightKey);
  if (!flight) {
    flight = renderForCache(request, fingerprint).finally(() => rendering.delete(flightKey));
    rendering.set(flightKey, flight);
  }
  try {
    const page = await flight;
    if (page) {
      // A 404 is answered but never kept: the entry may be published a moment later.
      if (page.status === 200) pages.set(key, page);
      return pageResponse(page, 'MISS');
    }
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`page cache: loopback render of ${request.nextUrl.pathname} failed`, error);
  }
  // Not cacheable (an error page, a redirect) or the loopback failed: render it for this visitor.
  return nextWithNonce(request, nonce);
}

/** What a reader of an address that cannot be decoded sees: the message and a way home, readable on a phone. */
const BAD_ADDRESS_PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
  '<title>网址无效</title></head><body><main><h1>网址无效</h1><p>请求的网址无效，请检查网址是否完整。</p><p><a href="/">返回首页</a></p></main></body></html>';

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  // A path that is not valid UTF-8 once decoded (/news/%C0%AE) makes Next.js fail with a 500 while
  // decoding the route's params: answer 400 here instead.
  if (decodeSegment(pathname) === null) {
    return new Response(BAD_ADDRESS_PAGE, { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  // Channel feeds pass through the proxy only for the check above.
  if (pathname.endsWith('/feed.xml')) return NextResponse.next();
  // A render for the page cache: carries its nonce, which ends up in the stored page.
  if (request.headers.get(RENDER_HEADER) === RENDER_SECRET) return nextWithNonce(request, request.headers.get(NONCE_HEADER) || newNonce(), true);
  if (isCrossOriginWrite(request.method, request.headers)) {
    return Response.json({ error: '已拒绝来自其他网站的请求。' }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
  const nonce = newNonce();
  const file = isFileRoute(pathname);
  if (isAdminPath(pathname)) return adminGate(request, file ? nextFile : () => nextWithNonce(request, nonce));
  if (file) return nextFile();
  const scriptCookie = request.cookies.get(SCRIPT_COOKIE)?.value;
  const route = scriptRoute({
    method: request.method,
    pathname,
    cookie: scriptCookie,
    inner: request.headers.has(INNER_HEADER),
    serverAction: request.headers.has('next-action'),
  });
  if (route === 'page') return serveTraditional(request, nonce);
  const key = pageCacheKeyFor({
    method: request.method,
    url: request.nextUrl,
    headers: request.headers,
    cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
    scriptCookie,
    origin: publicOrigin(),
  });
  return key ? servePage(request, nonce, key) : nextWithNonce(request, nonce);
}

export const config = {
  // Everything but build assets and files (/_next/static, /media/..., /feed.xml, /robots.txt...).
  matcher: ['/((?!_next/static|_next/image|.*\\.[a-zA-Z0-9]+$).*)', '/news/channel/:channel/feed.xml'],
};
