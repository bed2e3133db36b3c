// Whole-page cache of public pages: proxy.ts renders a page once and stores it; hits are then answered
// from memory, before Next.js, by server/http/front-cache.ts (and by proxy.ts when Next.js runs without
// server/http/serve.ts), until content under its tags changes (server/cache/state.ts), its short lifetime
// ends, or the city's day ends (credit entries and 好人榜 windows change by date, so no page outlives
// midnight). Hits cost no rendering: the stored bytes are sent as they are.
// Only anonymous document requests for the public origin (server/site-url.ts) are cached; requests for
// another host, sign-in sessions, client navigation (RSC), look-ups with a query text (q) and everything
// personal go to the renderer as before.
import { INNER_HEADER, isExcludedPath, parseScript, scriptRoute } from '@/lib/chinese-script';
import { decodeSegment } from '@/lib/routes';
import { contentSecurityPolicy } from '@/lib/security-headers';
import { isPublicHost, publicOrigin } from '../site-url';
import { tagFingerprint } from './state';
import { pageTags } from './tags';

/** How long a cached page is served at most: it bounds how stale like and view counts can be. */
export const PAGE_TTL_SECONDS = Math.max(1, Number(process.env.PAGE_CACHE_TTL_SECONDS) || 60);
/**
 * How long past its lifetime a page may still be served while ONE re-render of it runs (stale-while-
 * revalidate), so that the visitors of a busy page never all wait when its lifetime ends. Lifetime expiry
 * only: never past the city midnight, and never once a tag of the page moved.
 */
export const PAGE_STALE_SECONDS = Math.max(0, Number(process.env.PAGE_CACHE_STALE_SECONDS ?? 30) || 0);
/** What shared caches in front of the portal (nginx, deploy/nginx.conf) may keep a page. */
export const SHARED_MAX_AGE_SECONDS = 10;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_SECONDS}, stale-while-revalidate=30`;
export const PRIVATE_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';
const MAX_BYTES = Math.max(1, Number(process.env.PAGE_CACHE_MB) || 64) * 1024 * 1024;
const MAX_URL_LENGTH = 2_048;

export const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/** Marks proxy.ts's own loopback renders for the page cache: such a request is always rendered. */
export const RENDER_HEADER = 'x-civic-render';

/** Whether a cookie is (a chunk of) a sign-in session: next-auth splits a large one into `<name>.0`, `<name>.1`... */
export function isSessionCookie(name: string): boolean {
  return SESSION_COOKIES.some((session) => name === session || (name.startsWith(`${session}.`) && /^\d+$/.test(name.slice(session.length + 1))));
}

/** The request headers the rules read: a fetch Headers (proxy.ts) or a view of Node's (server/http/front-cache.ts). */
export type HeaderReader = Pick<Headers, 'get' | 'has'>;

export interface PageRequest {
  method: string;
  url: URL;
  headers: HeaderReader;
  cookieNames: string[];
  /** The public origin (server/site-url.ts); requests for another host never touch the cache. */
  origin?: string;
}

/** Whether this request may be answered from (and fill) the page cache. */
export function isCacheablePage({ method, url, headers, cookieNames, origin = publicOrigin() }: PageRequest): boolean {
  if (method !== 'GET') return false;
  // A Host or X-Forwarded-Host of the client's choosing must neither read nor fill the shared cache.
  if (!isPublicHost(headers, origin)) return false;
  if (isExcludedPath(url.pathname)) return false;
  if (url.href.length > MAX_URL_LENGTH) return false;
  // Client-side navigation and prefetches ask for RSC payloads that depend on the router's state.
  if (headers.has('rsc') || headers.has('next-router-prefetch') || headers.has('next-action') || url.searchParams.has('_rsc')) return false;
  // A search text makes every answer different: look-ups are served fresh (and fast, see issue 8).
  if (url.searchParams.has('q')) return false;
  return !cookieNames.some(isSessionCookie);
}

/**
 * The cache key: the page at the public origin (never a request header), and its script variant
 * (简/繁 markup differs). Only requests addressed to that origin get here (isCacheablePage).
 */
export function pageCacheKey(url: URL, script: 'hans' | 'hant', origin: string = publicOrigin()): string {
  return `${script} ${origin}${url.pathname}${url.search}`;
}

export interface PageCacheRequest extends PageRequest {
  /** The value of the zh-script cookie (lib/chinese-script.ts), as Next.js's cookie parser reads it. */
  scriptCookie: string | undefined;
}

/**
 * The page-cache key of the page that answers this request, or null when it must go to the renderer:
 * the one rule of proxy.ts and of the front layer (server/http/front-cache.ts). A 繁體 visitor's own
 * request is converted by proxy.ts (null here); its loopback request for the page to convert
 * (INNER_HEADER) is a cached page under the 'hant' key.
 */
export function pageCacheKeyFor(request: PageCacheRequest): string | null {
  const { method, url, headers, scriptCookie, origin = publicOrigin() } = request;
  if (decodeSegment(url.pathname) === null) return null; // proxy.ts answers 400
  const route = scriptRoute({ method, pathname: url.pathname, cookie: scriptCookie, inner: headers.has(INNER_HEADER), serverAction: headers.has('next-action') });
  if (route === 'page' || !isCacheablePage({ ...request, origin })) return null;
  return pageCacheKey(url, parseScript(scriptCookie), origin);
}

const DAY_MS = 86_400_000;
const CITY_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai, no daylight saving

/** The next midnight in the city after `now` (ms since epoch). */
export function nextCityMidnight(now: number): number {
  return Math.floor((now + CITY_OFFSET_MS) / DAY_MS) * DAY_MS + DAY_MS - CITY_OFFSET_MS;
}

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /**
   * The CSP nonce of the render, sent with every copy of this page. Shared by the visitors of this one
   * URL for the page's short lifetime only: a reflected payload is part of the URL, so it always gets a
   * render (and a nonce) of its own, unknown before the response.
   */
  nonce: string;
  fingerprint: string;
  /** End of its lifetime: after it, a visitor's request starts a re-render. */
  expires: number;
  /**
   * Until when, past `expires`, the page may still be served while its one re-render runs (pageStaleUntil:
   * never past the city midnight). Absent: never served past `expires`.
   */
  staleUntil?: number;
}

/** A stored page found for a request: `fresh`, or `stale` (past its lifetime, within its grace window). */
export interface PageLookup {
  page: CachedPage;
  state: 'fresh' | 'stale';
  /** Stale only: a re-render of the page has been started (claimRevalidation) and not finished. */
  revalidating: boolean;
}

/**
 * The headers a cached page is answered with, by proxy.ts and by the front layer alike: the stored ones,
 * the CSP with the render's nonce, the shared-cache lifetime and whether it was a hit. Next.js adds
 * next.config.js's headers() to proxy.ts's answers; the front layer adds them itself.
 */
export function cachedPageHeaders(page: CachedPage, state: 'HIT' | 'MISS' | 'STALE'): [string, string][] {
  const replaced = /^(content-security-policy|cache-control|x-page-cache)$/i;
  return [
    ...page.headers.filter(([name]) => !replaced.test(name)),
    ['Content-Security-Policy', contentSecurityPolicy(page.nonce)],
    ['Cache-Control', PUBLIC_CACHE_CONTROL],
    ['X-Page-Cache', state],
  ];
}

/** A bounded LRU of rendered pages (Map order: least recently used first). */
export class PageCache {
  private entries = new Map<string, CachedPage & { bytes: number; revalidating: boolean }>();
  private bytes = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get size(): number {
    return this.entries.size;
  }

  /** The fingerprint a page with these tags must carry now to be fresh. */
  static fingerprint(pathname: string): string {
    return tagFingerprint(pageTags(pathname));
  }

  /** The fresh page under this key, or null. */
  get(key: string, fingerprint: string, now = Date.now()): CachedPage | null {
    const found = this.lookup(key, fingerprint, now);
    return found?.state === 'fresh' ? found.page : null;
  }

  /**
   * The page under this key if it may be served now: fresh, or stale (its lifetime over, its grace window
   * not; the caller serves it and makes sure one re-render runs). A page whose tags moved, or past its grace
   * window (which never reaches past the city midnight), is dropped and never served.
   */
  lookup(key: string, fingerprint: string, now = Date.now()): PageLookup | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    const fresh = entry.expires > now;
    if (entry.fingerprint !== fingerprint || (!fresh && !(entry.staleUntil !== undefined && entry.staleUntil > now))) {
      this.bytes -= entry.bytes;
      return null;
    }
    this.entries.set(key, entry);
    return { page: entry, state: fresh ? 'fresh' : 'stale', revalidating: entry.revalidating };
  }

  /**
   * Marks the stale page under this key as being rendered again: true for the one caller that is to start
   * the re-render, false when one already runs (or the page is no longer there).
   */
  claimRevalidation(key: string, page: CachedPage): boolean {
    const entry = this.entries.get(key);
    if (!entry || entry !== page || entry.revalidating) return false;
    entry.revalidating = true;
    return true;
  }

  /** Forgets the page under this key (its re-render failed or may not be stored): the next visitor renders it. */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  set(key: string, page: CachedPage): void {
    const bytes = page.body.length + 512;
    if (bytes > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    this.entries.set(key, { ...page, bytes, revalidating: false });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

const STORE = Symbol.for('civic-portal.page-cache');

/**
 * The one page cache of this process. proxy.ts (bundled by Next.js) and server/http/front-cache.ts
 * (loaded by tsx with server/http/serve.ts) each get their own copy of this module, so the store lives on
 * globalThis, like the tag versions it is checked against.
 */
export function sharedPageCache(): PageCache {
  const holder = globalThis as unknown as Record<symbol, PageCache | undefined>;
  return (holder[STORE] ??= new PageCache());
}

/** When a page rendered now must be rendered again at the latest. */
export function pageExpiry(now = Date.now()): number {
  return Math.min(now + PAGE_TTL_SECONDS * 1000, nextCityMidnight(now));
}

/** Until when a page rendered now may be served stale while it is rendered again: never past the city midnight. */
export function pageStaleUntil(now = Date.now()): number {
  return Math.min(now + (PAGE_TTL_SECONDS + PAGE_STALE_SECONDS) * 1000, nextCityMidnight(now));
}
