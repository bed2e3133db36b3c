// `npm start` and `npm run serve` run the app through this small HTTP server (Next.js's custom-server API,
// `next({ dev: false })`) instead of `next start`, for the client's address: before Next.js sees a
// request, its socket address, or from a trusted proxy (TRUST_PROXY) the address the proxy forwarded, is
// put in a header of the portal's own, and forwarding headers from anyone else are dropped
// (server/http/forwarding.ts). Then page-cache hits are answered here, from memory, without Next.js
// (server/http/front-cache.ts); everything else is Next.js as usual, proxy.ts included, and an empty error
// document among its answers gets its message for readers without JavaScript (server/http/error-document.ts).
// Environment: PORT (3000), HOST (all interfaces), TRUST_PROXY (see lib/client-ip.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';
import { LOOPBACK_SECRET_ENV, parseTrustProxy, type TrustProxy } from '@/lib/client-ip';
import { installLogRedaction } from '../log-redaction';
import { configuredOrigin, listenOrigin, publicOrigin } from '../site-url';
import { FrontCache, type HeaderRule } from './front-cache';
import { explainEmptyErrorDocuments } from './error-document';
import { applyClientAddress } from './forwarding';

const root = path.resolve(import.meta.dirname, '..', '..');
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * How far V8 lets the old generation grow past what survived the last full GC before it collects again: always
 * 1.5 times (V8's own factor is 1.1-4, rising to 4 when its GCs are quick). With V8's factor this server's RSS
 * reached 620-730 MB under load (uncached look-ups, admin lists: renders that live across awaits) while about
 * 130 MB was live; at 1.5 it peaked at 340-430 MB with the same req/s (README, "Results": "Memory").
 * V8_HEAP_GROWING_PERCENT overrides it (0: V8's own factor), and so does the flag on the command line.
 */
const HEAP_GROWING_PERCENT = 50;

function setHeapGrowth(): void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return;
  const configured = process.env.V8_HEAP_GROWING_PERCENT;
  const percent = configured !== undefined && /^\d+$/.test(configured) ? Number(configured) : HEAP_GROWING_PERCENT;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

function describeTrust(trust: TrustProxy): string {
  if (trust.kind === 'none') return 'client addresses from the socket (TRUST_PROXY unset)';
  if (trust.kind === 'any') return 'client addresses from X-Forwarded-For of any peer (TRUST_PROXY=1)';
  return `client addresses from X-Forwarded-For of ${trust.entries.join(', ')} (TRUST_PROXY)`;
}

// A request the HTTP parser refuses (a URL or headers past Node's 16 KB limit, a malformed request line):
// Node's default answer writes the status and destroys the socket at once, so a client still sending a long
// request sees a reset instead of the answer. Here the answer is written, our side of the connection is
// closed, and what the client still sends is read and dropped for a moment, so that it can read the 4xx.
const CLIENT_ERROR_DRAIN_MS = 2_000;
const CLIENT_ERROR_STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_URI_OVERFLOW: '414 URI Too Long',
};

const answered = new WeakSet<object>();

function answerClientError(error: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  // The parser reports its error again for every further chunk the client sends: answer once.
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? '400 Bad Request';
  const body = status.startsWith('431') || status.startsWith('414') ? '请求地址过长。' : '请求格式有误。';
  socket.on('error', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  socket.resume();
  setTimeout(() => socket.destroy(), CLIENT_ERROR_DRAIN_MS).unref();
}

async function main(): Promise<void> {
  setHeapGrowth();
  installLogRedaction();
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || undefined;
  let trust: TrustProxy;
  try {
    trust = parseTrustProxy(process.env.TRUST_PROXY);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const loopbackSecret = randomBytes(24).toString('base64url');
  const origin = listenOrigin(host, port);
  // Read by the app in this process: proxy.ts's loopback requests, and the public origin when none is configured.
  Object.assign(process.env, {
    NODE_ENV: process.env.NODE_ENV || 'production',
    PORT: String(port),
    [LOOPBACK_SECRET_ENV]: loopbackSecret,
    CIVIC_LISTEN_ORIGIN: origin,
    __NEXT_PRIVATE_ORIGIN: origin,
  });

  // Imported only now: Next.js reads NODE_ENV while it loads.
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, hostname: host ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // next.config.js's headers() as the build compiled them: hits answered here carry them too.
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'routes-manifest.json'), 'utf8')) as { headers?: HeaderRule[]; caseSensitive?: boolean };
  const front = new FrontCache({ rules: manifest.headers ?? [], caseSensitive: manifest.caseSensitive === true });

  const server = http.createServer((req, res) => {
    applyClientAddress(req.headers, req.socket.remoteAddress, { trust, loopbackSecret });
    try {
      if (front.serve(req, res)) return;
    } catch (error) {
      // The page is still there for Next.js to answer: a fault here must not cost the visitor the page.
      console.error(`page cache: answering ${req.method} ${req.url?.split('?')[0]} before Next.js failed`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
    }
    explainEmptyErrorDocuments(req, res);
    handle(req, res).catch((error: unknown) => {
      console.error(`request ${req.method} ${req.url?.split('?')[0]} failed`, error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  console.log(`Serving on ${origin}; public address ${publicOrigin()}${configuredOrigin() ? '' : ' (set SITE_URL in production)'}; ${describeTrust(trust)}.`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Stop accepting connections, let running requests finish, then close Next.js (as `next start` does).
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      app
        .close()
        .catch((error: unknown) => console.error('closing Next.js failed', error))
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
