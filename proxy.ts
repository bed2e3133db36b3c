// Runs before routes, for two jobs:
// 1. A convenience only: visitors without a session cookie go straight to the sign-in page.
//    Every admin page and action still checks the user and role on the server (lib/auth.ts).
// 2. 繁體 mode (cookie zh-script=hant, see lib/chinese-script.ts): public pages and their RSC payloads
//    are fetched again from this server over loopback and converted to Traditional characters. Without
//    the cookie the matcher does not even call the proxy for them.
import http from 'node:http';
import { NextResponse, type NextRequest } from 'next/server';
import {
  ConversionCache,
  INNER_HEADER,
  SCRIPT_COOKIE,
  innerRequestHeaders,
  scriptRoute,
} from '@/lib/chinese-script';

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

function adminGate(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  // Only page visits are redirected. A server action posted after the session expired must reach the
  // action, which answers "登录已过期" so that the editor's form keeps its text.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
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

/** GET the same path from this server with the visitor's headers (Host included, so links stay right). */
function fetchInner(request: NextRequest, path: string): Promise<InnerResponse> {
  const origin = innerOrigin();
  return new Promise((resolve, reject) => {
    const inner = http.request(
      {
        hostname: origin.hostname.replace(/^\[|\]$/g, ''),
        port: origin.port || 80,
        path,
        method: 'GET',
        headers: innerRequestHeaders(request.headers),
        timeout: INNER_TIMEOUT_MS,
        signal: request.signal,
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
function convertedResponse(inner: InnerResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(inner.headers)) {
    if (value === undefined || /^(content-length|content-encoding|transfer-encoding|connection|keep-alive|etag)$/i.test(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
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
  return new Response(inner.status === 204 || inner.status === 304 ? null : body, { status: inner.status, headers });
}

async function serveTraditional(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  // Without skipProxyUrlNormalize (next.config.js) Next.js hides the RSC headers of client navigation
  // from the proxy, so its payload cannot be fetched again. Answering anything but an RSC payload makes
  // the router load the page as a document, which is then converted: navigation stays Traditional.
  if (!request.headers.has('rsc') && request.headers.get('sec-fetch-dest') === 'empty') {
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store', Vary: 'Cookie' } });
  }
  try {
    const inner = await fetchInner(request, pathname + request.nextUrl.search);
    return convertedResponse(inner);
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    console.error(`zh-script: loopback request for ${pathname} failed, serving Simplified`, error);
    return NextResponse.next();
  }
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminGate(request);
  const route = scriptRoute({
    method: request.method,
    pathname,
    cookie: request.cookies.get(SCRIPT_COOKIE)?.value,
    inner: request.headers.has(INNER_HEADER),
    serverAction: request.headers.has('next-action'),
  });
  return route === 'pass' ? NextResponse.next() : serveTraditional(request);
}

export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    // 繁體 mode only: pages (no file extension, not API/admin/sign-in/media).
    {
      source: '/((?!api/|admin|login|media/|_next/|.*\\.[a-zA-Z0-9]+$).*)',
      has: [{ type: 'cookie', key: 'zh-script', value: 'hant' }],
    },
  ],
};
