// The site's public origin for canonical links, feeds and the sitemap: SITE_URL when configured
// (recommended: a Host header is chosen by the client), otherwise the request's own host.
import { headers } from 'next/headers';

// A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing else is echoed into links.
const HOST_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

let warned = false;

/** The origin of a configured SITE_URL (`https://wenming.example.gov.cn/` gives `https://wenming.example.gov.cn`), or null. */
export function configuredOrigin(value: string | undefined = process.env.SITE_URL): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through to the warning
  }
  if (!warned) console.warn(`SITE_URL is not an http(s) address, ignoring it: ${trimmed}`);
  warned = true;
  return null;
}

/** SITE_URL, else the scheme (X-Forwarded-Proto) and Host of the request. */
export function originFromHeaders(requestHeaders: Headers, siteUrl: string | undefined = process.env.SITE_URL): string {
  const configured = configuredOrigin(siteUrl);
  if (configured) return configured;
  const host = requestHeaders.get('host')?.trim() ?? '';
  const proto = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return `${proto === 'https' ? 'https' : 'http'}://${HOST_PATTERN.test(host) ? host.toLowerCase() : 'localhost'}`;
}

/** The origin for the current request (server components, metadata, sitemap). */
export async function siteOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}

/** An absolute URL of a site path; non-ASCII characters are percent-encoded. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}
