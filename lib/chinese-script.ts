// 简体/繁體: the visitor's script preference and the opencc-js conversions that proxy.ts applies to
// whole pages (HTML and RSC payloads) and that search applies to queries.
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { INLINE_NOT_FOUND_HEADER } from './inline-not-found';
import { safeReturn } from './safe-return';

/** Cookie holding the preference; absent (or anything but 'hant') means Simplified. */
export const SCRIPT_COOKIE = 'zh-script';
export type Script = 'hans' | 'hant';
/** Header on the proxy's loopback request: the inner request goes straight through the proxy. */
export const INNER_HEADER = 'x-zh-script-inner';
export const SCRIPT_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function parseScript(value: string | null | undefined): Script {
  return value === 'hant' ? 'hant' : 'hans';
}

// Built on first use: loading the dictionaries takes a moment and most requests never need them.
let traditional: ((text: string) => string) | null = null;
let simplified: ((text: string) => string) | null = null;

/**
 * Phrases that must stay Simplified in a converted page: the switch back to 简体 names itself in the
 * script it leads to. Each entry is restored after conversion (same length, so byte counts still match).
 */
export const KEEP_SIMPLIFIED = ['切换到简体中文', '简体'] as const;

// Pages repeat most of their text (header, footer, navigation, labels): runs of non-ASCII text are
// converted once and remembered. Bounded: cleared when full, cheap to rebuild.
const runMemo = new Map<string, string>();
const RUN_MEMO_LIMIT = 50_000;

function convertRun(run: string): string {
  let out = runMemo.get(run);
  if (out !== undefined) return out;
  out = traditional!(run);
  for (const phrase of KEEP_SIMPLIFIED) {
    const converted = traditional!(phrase);
    if (converted !== phrase && out.includes(converted)) out = out.split(converted).join(phrase);
  }
  if (runMemo.size >= RUN_MEMO_LIMIT) runMemo.clear();
  if (run.length <= 400) runMemo.set(run, out);
  return out;
}

/**
 * Simplified → Traditional (Taiwan standard characters, cn→tw: character for character). Markup and
 * other ASCII is skipped: Chinese words never span it, and phrases are matched within each run.
 */
export function toTraditional(text: string): string {
  traditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return text.replace(/[^\x00-\x7f]+/g, convertRun);
}

/** Traditional → Simplified, e.g. for search queries typed in 繁體 (誠信 → 诚信). */
export function toSimplified(text: string): string {
  simplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return simplified(text);
}

/** Content types proxy.ts converts: pages and the RSC (flight) payloads of client navigation. */
export function isConvertible(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'text/html' || type === 'text/x-component';
}

/**
 * Converts a response body to Traditional, or returns null when it must be sent unchanged.
 * RSC payloads hold text rows prefixed with their UTF-8 byte length, so a conversion is only used
 * when it keeps the byte length of the whole body (cn→tw maps characters one to one; this guards
 * the rare character that would change width).
 */
export function convertBody(body: string, contentType: string | null): string | null {
  if (!isConvertible(contentType)) return null;
  const html = contentType!.toLowerCase().startsWith('text/html');
  let converted = html ? convertKeepingValues(body) : toTraditional(body);
  if (Buffer.byteLength(converted) !== Buffer.byteLength(body)) return null;
  if (html) converted = setHtmlLang(converted);
  return converted;
}

/**
 * Form values are data, not text to read: an <option value="助人为乐"> or a field's typed text must reach the
 * server as the server wrote it (a Traditional 助人為樂 would fail the category check), and they must equal
 * what the form's client component renders, which is Simplified. Everything else is converted.
 */
function convertKeepingValues(html: string): string {
  return html
    .split(/(\svalue="[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : toTraditional(part)))
    .join('');
}

/** <html lang="zh-CN"> → zh-Hant. Only the <html> tag is touched (its length may change: HTML has no
 * length prefixes); the RSC payload inlined in the page keeps its bytes. */
export function setHtmlLang(html: string): string {
  return html.replace(/<html([^>]*?)\slang="zh-(?:CN|Hans)"/i, '<html$1 lang="zh-Hant"');
}

/**
 * Where /api/script goes back to: the `back` path when it is a page of this site, refined with the
 * query of a same-site Referer for that page (the switch only knows the path); '/' otherwise.
 */
export function scriptSwitchTarget(back: string | null, referer: string | null, host: string | null): string {
  const base = 'http://portal.invalid';
  let target = '/';
  if (back) {
    const safe = safeReturn(back);
    // safeReturn answers '/admin' for anything it refuses.
    if (safe !== '/admin' || back.startsWith('/admin')) target = safe;
  }
  if (host && referer) {
    try {
      const from = new URL(referer);
      const wanted = new URL(target, base);
      if (from.host === host && (!back || from.pathname === wanted.pathname)) target = safeReturn(from.pathname + from.search);
    } catch {
      // not a URL: keep the target
    }
  }
  // Never back to the switch itself (a redirect loop).
  return target.startsWith('/api/') ? '/' : target;
}

/** Paths whose pages are never converted: the editors' area, sign-in, API and file routes. */
export function isExcludedPath(pathname: string): boolean {
  return (
    /^\/(admin|login|api|media|_next)(\/|$)/.test(pathname) ||
    // files such as /feed.xml, /robots.txt, /sitemap.xml, /favicon.ico
    /\.[a-z0-9]+$/i.test(pathname)
  );
}

/** What the proxy needs to know about a request to decide whether to convert its answer. */
export interface ScriptRequest {
  method: string;
  pathname: string;
  cookie: string | undefined;
  inner: boolean;
  serverAction: boolean;
}

/**
 * 'page' (HTML or RSC payload) when the answer should be fetched again over loopback and converted;
 * 'pass' for everything else: Simplified visitors, server actions (POST with Next-Action), the inner
 * request itself, HEAD, the editors' area, API and file routes. Text that client components render
 * in the browser is converted there by <TraditionalText> through /api/script/convert.
 */
export function scriptRoute(request: ScriptRequest): 'pass' | 'page' {
  if (request.inner || request.serverAction || request.method !== 'GET') return 'pass';
  if (parseScript(request.cookie) !== 'hant') return 'pass';
  return isExcludedPath(request.pathname) ? 'pass' : 'page';
}

/** Limits of one /api/script/convert request (the browser sends the page's texts in batches). */
export const CONVERT_LIMITS = { maxTexts: 500, maxChars: 100_000 } as const;

const DROPPED_REQUEST_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
  'accept-encoding',
  // A conditional request could be answered 304 for a copy cached in the other script.
  'if-none-match',
  'if-modified-since',
  // Only the proxy itself asks a page for its inline 404 (lib/inline-not-found.ts), never a visitor.
  INLINE_NOT_FOUND_HEADER,
]);

/** Headers of the loopback request: the visitor's own (Host, cookies, RSC headers), uncompressed, marked inner. */
export function innerRequestHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(key) || key.startsWith('x-middleware-') || key.startsWith('proxy-')) return;
    out[key] = value;
  });
  out['accept-encoding'] = 'identity';
  out[INNER_HEADER] = '1';
  return out;
}

/**
 * Bounded LRU of converted bodies keyed by a hash of the source, so a page that did not change
 * costs a hash instead of a conversion. Map keeps insertion order: re-inserting marks as recent.
 */
export class ConversionCache {
  private entries = new Map<string, string | null>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 20 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  convert(body: string, contentType: string | null): string | null {
    const key = createHash('sha1').update(contentType ?? '').update('\0').update(body).digest('base64');
    if (this.entries.has(key)) {
      const hit = this.entries.get(key)!;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const converted = convertBody(body, contentType);
    const cost = converted === null ? 0 : converted.length * 2;
    if (cost > this.maxBytes) return converted;
    this.entries.set(key, converted);
    this.bytes += cost;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= oldValue === null ? 0 : oldValue.length * 2;
    }
    return converted;
  }
}
