// Security headers of every page, and the cross-origin refusal of state-changing requests (proxy.ts).
// Static headers (nosniff, Referrer-Policy, ...) are set for every response in next.config.js.
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The page CSP: scripts only with this response's nonce (Next.js puts it on its own script tags when
 * it finds it in the request's CSP header) or loaded by such scripts; no inline event handlers, no
 * other origins, no framing. Styles may be inline (React style attributes, the rich-text editor).
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The CSP of files: uploaded images, citizens' attachments (/admin/files/<id>), static files and feeds.
 * No script can run and the document is sandboxed. next.config.js sends the same value for paths with an
 * extension; proxy.ts sets it on the file routes it sees, where the page CSP would otherwise win.
 */
export const FILE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; sandbox";

/** Routes that answer files rather than pages: staff downloads of attachments, and uploaded images. */
export function isFileRoute(pathname: string): boolean {
  return /^\/(?:admin\/files|media)\//.test(pathname);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from another site: its Origin names another host, or the
 * browser says so (Sec-Fetch-Site). Requests without either come from non-browser clients, which
 * carry no visitor's cookies by accident (no CSRF), and are judged by the action itself.
 */
export function isCrossOriginWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.get('origin');
  return origin !== null && !originIsHost(origin, headers);
}

/** Whether an Origin header names the host the request was sent to ("null" and garbage do not). */
function originIsHost(origin: string, headers: Headers): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false; // "null" (sandboxed frames, file:) or garbage
  }
  const hosts = [headers.get('x-forwarded-host'), headers.get('host')].filter((h): h is string => Boolean(h)).map((h) => h.split(',')[0]!.trim().toLowerCase());
  return hosts.includes(originHost);
}

/**
 * Whether the browser proves that a request comes from a page of this site: Sec-Fetch-Site says
 * same-origin, or (browsers without it) the Origin header is exactly one of `ownOrigins` (scheme, host and
 * port: a page on http:// of the same host proves nothing for https://). Stricter than !isCrossOriginWrite,
 * which lets requests without either pass.
 */
export function isProvenSameOrigin(headers: Headers, ownOrigins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = headers.get('origin')?.trim().toLowerCase();
  return Boolean(origin) && ownOrigins.some((own) => own.toLowerCase() === origin);
}
