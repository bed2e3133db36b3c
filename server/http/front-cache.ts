// The front layer of the page cache: server/http/serve.ts asks it about every request before Next.js.
// A hit (an anonymous GET of a public page whose stored copy is fresh, by the same rule and key as
// proxy.ts: pageCacheKeyFor in server/cache/page-cache.ts) is answered here, from the same store
// (sharedPageCache on globalThis), with the headers proxy.ts and next.config.js would give it; anything
// else, a miss included, goes to Next.js unchanged, where proxy.ts renders and stores it.
// A page past its lifetime but within its grace window (server/cache/page-cache.ts) is answered here as
// STALE only while its one re-render runs; the request that finds it stale with no re-render started goes
// to proxy.ts, which answers it stale too and starts that re-render.
// Each stored page is compressed at most once per encoding (brotli, gzip), on the first hit that takes it.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { parseCookie } from 'next/dist/compiled/@edge-runtime/cookies';
import { SCRIPT_COOKIE } from '@/lib/chinese-script';
import { INLINE_NOT_FOUND_HEADER } from '@/lib/inline-not-found';
import { PageCache, RENDER_HEADER, cachedPageHeaders, pageCacheKeyFor, sharedPageCache, type CachedPage, type HeaderReader } from '../cache/page-cache';
import { publicOrigin } from '../site-url';

/** Set on answers of the front layer only: proxy.ts's answers (misses, and hits without serve.ts) lack it. */
export const FRONT_HEADER = 'X-Page-Cache-Layer';

/** Node's request headers (names already lower-case) read as a fetch Headers would read them. */
export function headerReader(headers: IncomingHttpHeaders): HeaderReader {
  return {
    get: (name: string) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    has: (name: string) => headers[name.toLowerCase()] !== undefined,
  };
}

export interface FrontLookup {
  key: string;
  pathname: string;
}

/**
 * The page-cache key for a request as Node.js received it, or null when Next.js must see it: anything
 * pageCacheKeyFor refuses, proxy.ts's own renders, and a request line that the URL parser would change
 * (dot segments, raw non-ASCII, a bare '?', an absolute-form target): Next.js parses those its own way.
 */
export function frontLookup(method: string | undefined, rawUrl: string | undefined, headers: IncomingHttpHeaders, origin: string = publicOrigin()): FrontLookup | null {
  if (method !== 'GET' || !rawUrl?.startsWith('/')) return null;
  if (headers[RENDER_HEADER] !== undefined || headers[INLINE_NOT_FOUND_HEADER] !== undefined) return null;
  let url: URL;
  try {
    url = new URL(rawUrl, origin);
  } catch {
    return null;
  }
  if (url.pathname + url.search !== rawUrl) return null;
  // The cookie parser of Next.js's request.cookies, which proxy.ts reads.
  const cookies = parseCookie(typeof headers.cookie === 'string' ? headers.cookie : '');
  const key = pageCacheKeyFor({
    method,
    url,
    headers: headerReader(headers),
    cookieNames: [...cookies.keys()],
    scriptCookie: cookies.get(SCRIPT_COOKIE),
    origin,
  });
  return key === null ? null : { key, pathname: url.pathname };
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** The encoding to answer with for an Accept-Encoding header: brotli before gzip at equal weight; q=0 refuses. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const item of (Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '')).split(',')) {
    const [name, ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((param) => /^q\s*=/.test(param));
    const weight = q === undefined ? 1 : Number(q.slice(q.indexOf('=') + 1).trim());
    weights.set(name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : 'identity';
}

/** A rule of next.config.js's headers() as `next build` writes it to .next/routes-manifest.json. */
export interface HeaderRule {
  regex: string;
  headers: { key: string; value: string }[];
  has?: unknown[];
  missing?: unknown[];
}

export interface RouteHeaders {
  rules: HeaderRule[];
  caseSensitive: boolean;
}

/**
 * The headers Next.js adds to any answer for this path (next.config.js's headers(), later rules winning),
 * or null when a matching rule depends on the request (has/missing) or takes a path parameter: those
 * pages are left to Next.js.
 */
export function routeHeaders({ rules, caseSensitive }: RouteHeaders, pathname: string): [string, string][] | null {
  const found = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!new RegExp(rule.regex, caseSensitive ? '' : 'i').test(pathname)) continue;
    if (rule.has?.length || rule.missing?.length) return null;
    for (const { key, value } of rule.headers) {
      if (/:[A-Za-z_]/.test(key + value.replace(/https?:\/\//g, ''))) return null;
      found.set(key.toLowerCase(), [key, value]);
    }
  }
  return [...found.values()];
}

/** Pages smaller than this are sent as they are, as Next.js's own compression does. */
const MIN_COMPRESSED_BYTES = 1024;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(body, { level: 6 });
  // Quality 6: about as fast as gzip -6 and still smaller; once per page and lifetime, off the event loop.
  return brotli(body, {
    params: { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/** One ready answer: the headers object Node.js writes as it is, and the body. */
interface Answer {
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** What the front layer keeps beside a stored page: its answers, one per encoding once made. */
interface FrontEntry {
  headers: [string, string][];
  answers: Partial<Record<Encoding, Answer>>;
  pending: Partial<Record<Encoding, Promise<Answer>>>;
}

function answer(headers: [string, string][], encoding: Encoding, body: Buffer): Answer {
  // One value per name, the later winning (as Next.js's own setHeader calls would), in first-seen order.
  const byName = new Map<string, [string, string]>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    byName.set(lower, [byName.get(lower)?.[0] ?? name, value]);
  }
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of byName.values()) out[name] = value;
  if (encoding !== 'identity') out['Content-Encoding'] = encoding;
  out['Content-Length'] = body.length;
  return { headers: out, body };
}

export class FrontCache {
  /** Dropped with their page: once the LRU lets go of a page, nothing here keeps it. */
  private entries = new WeakMap<CachedPage, FrontEntry | null>();

  constructor(
    private readonly routes: RouteHeaders,
    private readonly store: () => PageCache = sharedPageCache,
  ) {}

  /**
   * The stored page for this request and what is kept beside it, or null (Next.js answers it): a fresh page,
   * or a stale one whose re-render proxy.ts has started.
   */
  private lookup(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): { page: CachedPage; entry: FrontEntry; stale: boolean } | null {
    const found = frontLookup(req.method, req.url, req.headers);
    if (!found) return null;
    const stored = this.store().lookup(found.key, PageCache.fingerprint(found.pathname));
    if (!stored || (stored.state === 'stale' && !stored.revalidating)) return null;
    const { page } = stored;
    let entry = this.entries.get(page);
    if (entry === undefined) {
      const route = routeHeaders(this.routes, found.pathname);
      const headers: [string, string][] | null = route && [...route, ...cachedPageHeaders(page, 'HIT'), [FRONT_HEADER, 'front'], ['Vary', 'Accept-Encoding']];
      entry = headers && { headers, answers: { identity: answer(headers, 'identity', page.body) }, pending: {} };
      this.entries.set(page, entry);
    }
    return entry && { page, entry, stale: stored.state === 'stale' };
  }

  /** Answers a page-cache hit and returns true, or returns false and leaves the request to Next.js. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const hit = this.lookup(req);
    if (!hit) return false;
    const { page, entry, stale } = hit;
    const state = stale ? 'STALE' : 'HIT';
    const encoding = page.body.length >= MIN_COMPRESSED_BYTES ? chooseEncoding(req.headers['accept-encoding']) : 'identity';
    const ready = entry.answers[encoding];
    if (ready) {
      send(res, page.status, ready, state);
      return true;
    }
    let pending = entry.pending[encoding];
    if (!pending) {
      pending = compress(page.body, encoding as 'br' | 'gzip').then((body) => (entry.answers[encoding] = answer(entry.headers, encoding, body)));
      entry.pending[encoding] = pending;
      pending.then(
        () => delete entry.pending[encoding],
        (error: unknown) => {
          delete entry.pending[encoding];
          console.error(`page cache: compressing ${req.url?.split('?')[0]} (${encoding}) failed`, error);
        },
      );
    }
    pending.then(
      (ready) => send(res, page.status, ready, state),
      () => send(res, page.status, entry.answers.identity!, state),
    );
    return true;
  }
}

function send(res: ServerResponse, status: number, { headers, body }: Answer, state: 'HIT' | 'STALE'): void {
  if (res.destroyed) return;
  // The stored headers say HIT (cachedPageHeaders, under the same name).
  res.writeHead(status, state === 'HIT' ? headers : { ...headers, 'X-Page-Cache': 'STALE' });
  res.end(body);
}
