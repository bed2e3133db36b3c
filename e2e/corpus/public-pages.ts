// Every content domain's public pages and the parameters they read, from the domain declarations
// (lib/domains publicPages), for the input suites: the odd-input suite sends its values to each of them
// and the XSS suite echoes its payloads through the look-ups. A new domain's pages come in with its
// declaration; tests/unit/domains.test.ts keeps the declarations equal to the page files.
import type { APIRequestContext } from '@playwright/test';
import { DOMAINS, type ParamKind, type PublicPage } from '../../lib/domains';

export type DomainPage = PublicPage & { domain: string };

export const PUBLIC_PAGES: readonly DomainPage[] = DOMAINS.flatMap((d) => d.publicPages.map((page): DomainPage => ({ ...page, domain: d.key })));

const isDynamic = (route: string) => route.includes('[');
const STATIC_ROUTES = new Set(PUBLIC_PAGES.map((p) => p.route).filter((r) => !isDynamic(r)));

/** The pages' parameters of one kind, as `{ page, param }`. */
export function paramsOfKind(kind: ParamKind): { page: DomainPage; param: string }[] {
  return PUBLIC_PAGES.flatMap((page) => Object.entries(page.params ?? {}).filter(([, k]) => k === kind).map(([param]) => ({ page, param })));
}

/** Free-text look-ups on pages without path parameters (`/credit?q=`): they echo what was typed. */
export const LOOKUPS: readonly string[] = paramsOfKind('text')
  .filter(({ page }) => !isDynamic(page.route))
  .map(({ page, param }) => `${page.route}?${param}=`);

/** Whether an address (as found in an href) is an instance of a dynamic route. */
function matchesRoute(route: string, href: string): boolean {
  if (STATIC_ROUTES.has(href)) return false;
  const want = route.split('/');
  const have = href.split('/');
  return want.length === have.length && want.every((part, i) => (part.startsWith('[') ? have[i]!.length > 0 : part === have[i]));
}

/** Samples: a real address for every dynamic route, found by following the links of the public pages. */
export type Samples = ReadonlyMap<string, string>;

/**
 * Finds a real instance of every dynamic public route in the demo data: reads the home page and every
 * static page, then the instances found so far (an article page links its tags), until each route has one.
 */
export async function findSamples(request: APIRequestContext): Promise<Samples> {
  const wanted = PUBLIC_PAGES.map((p) => p.route).filter(isDynamic);
  const samples = new Map<string, string>();
  let toRead = ['/', ...STATIC_ROUTES];
  const read = new Set<string>();
  for (let round = 0; round < 3 && samples.size < wanted.length; round++) {
    const next: string[] = [];
    for (const path of toRead) {
      if (read.has(path)) continue;
      read.add(path);
      const html = await (await request.get(path)).text();
      for (const [, href] of html.matchAll(/href="(\/[^"?#]*)/g)) {
        for (const route of wanted) {
          if (!samples.has(route) && matchesRoute(route, href!)) {
            samples.set(route, href!);
            next.push(href!);
          }
        }
      }
    }
    toRead = next;
  }
  const missing = wanted.filter((route) => !samples.has(route));
  if (missing.length > 0) throw new Error(`no link to an instance of ${missing.join(', ')} on the public pages`);
  return samples;
}

/** The page's address: its sample for a dynamic route, or (with `segment`) the sample with its last path parameter replaced. */
export function pagePath(route: string, samples: Samples, segment?: string): string {
  if (!isDynamic(route)) return route;
  const sample = samples.get(route)!.split('/');
  if (segment === undefined) return sample.join('/');
  const last = route.split('/').findLastIndex((part) => part.startsWith('['));
  sample[last] = segment;
  return sample.join('/');
}

/** The last path parameter's value in a route's sample (`/good-people/[id]` -> the id). */
export function sampleParam(route: string, samples: Samples): string {
  const last = route.split('/').findLastIndex((part) => part.startsWith('['));
  return samples.get(route)!.split('/')[last]!;
}

export const DYNAMIC_ROUTES: readonly string[] = PUBLIC_PAGES.map((p) => p.route).filter(isDynamic);
