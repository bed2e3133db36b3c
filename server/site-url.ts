// The site's public origin: canonical and Open Graph links, the share link and its QR code, feeds, the
// sitemap, and the one host whose pages the page cache keeps. It never comes from a request (Host and
// X-Forwarded-Host are chosen by the client): SITE_URL or NEXTAUTH_URL when configured, else the address
// this server was started on (server/http/serve.ts sets CIVIC_LISTEN_ORIGIN; under `next dev` or a
// bare `next start`, Next.js's own record of it).

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
// A host name, IPv4 or bracketed IPv6 address, with an optional port.
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const FALLBACK_ORIGIN = 'http://localhost:3000';

const warned = new Set<string>();

/** The variables read here (a plain record, so tests can pass their own). */
type Env = Record<string, string | undefined>;

/** The origin of an http(s) address (`https://wenming.example.gov.cn/x` gives `https://wenming.example.gov.cn`), or null. */
export function originOf(value: string | undefined, name?: string): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through to the warning
  }
  if (name && !warned.has(name)) console.warn(`${name} is not an http(s) address, ignoring it: ${trimmed}`);
  if (name) warned.add(name);
  return null;
}

/** The configured public address: SITE_URL, else NEXTAUTH_URL (both name it in the README), or null. */
export function configuredOrigin(env: Env = process.env): string | null {
  return originOf(env.SITE_URL, 'SITE_URL') ?? originOf(env.NEXTAUTH_URL, 'NEXTAUTH_URL');
}

/** The public origin: the configured address, else the address the server was started on. */
export function publicOrigin(env: Env = process.env): string {
  return configuredOrigin(env) ?? originOf(env.CIVIC_LISTEN_ORIGIN) ?? originOf(env.__NEXT_PRIVATE_ORIGIN) ?? FALLBACK_ORIGIN;
}

/**
 * The address a server started on HOST and PORT answers at, as Next.js's own `next start` names it:
 * all interfaces (no HOST, 0.0.0.0) as localhost, `::` as [::1].
 */
export function listenOrigin(host: string | undefined, port: number): string {
  const name = !host || host === '0.0.0.0' ? 'localhost' : host === '::' ? '[::1]' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The origin for pages, metadata and the sitemap (async for the callers' sake; reads no request). */
export async function siteOrigin(): Promise<string> {
  return publicOrigin();
}

/** An absolute URL of a site path; non-ASCII characters are percent-encoded. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}

/**
 * The origin this request was addressed to, for a redirect answered to this same request only (never
 * for a link, a page or anything cached): the visitor is sent back where it came from. A malformed
 * Host gives the public origin.
 */
export function requestOrigin(requestHeaders: Headers): string {
  const host = requestHeaders.get('host')?.trim().toLowerCase() ?? '';
  const proto = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https' ? 'https' : 'http';
  return HOST_PATTERN.test(host) ? `${proto}://${host}` : publicOrigin();
}

/**
 * Whether one Host (or X-Forwarded-Host) value names the public origin: the same host name (any
 * loopback name when the origin is a loopback address, i.e. an unconfigured local start) and, when the
 * value carries a port, the same port. A proxy that forwards `$host` sends no port.
 */
function hostMatches(value: string, site: URL): boolean {
  const host = value.trim().toLowerCase();
  if (!HOST_PATTERN.test(host)) return false;
  const hasPort = /:\d+$/.test(host) && !host.endsWith(']');
  let parsed: URL;
  try {
    parsed = new URL(`${site.protocol}//${host}`);
  } catch {
    return false;
  }
  const sameName = parsed.hostname === site.hostname || (LOOPBACK_NAMES.has(parsed.hostname) && LOOPBACK_NAMES.has(site.hostname));
  return sameName && (!hasPort || parsed.port === site.port);
}

/**
 * Whether a request is addressed to the public origin: its Host and, when present, its
 * X-Forwarded-Host both name it. Requests for any other host are served without the shared page cache.
 */
export function isPublicHost(requestHeaders: Pick<Headers, 'get'>, origin: string = publicOrigin()): boolean {
  const site = new URL(origin);
  const host = requestHeaders.get('host');
  const forwarded = requestHeaders.get('x-forwarded-host');
  if (!host || !hostMatches(host, site)) return false;
  return forwarded === null || hostMatches(forwarded, site);
}
