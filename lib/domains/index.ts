// The registry of content domains: one declaration each (lib/domains/<domain>.ts), in the order the site
// shows them (navigation, search tabs, dashboard, sitemap). Navigation, search, sitemap, dashboard, audit
// labels, cache tags, rate limits, the demo seed and the input suites read this list instead of naming
// domains; database-bound parts are registered under the same keys in db/domains/.
import { CREDIT } from './credit';
import { NEWS } from './news';
import { PEOPLE } from './people';
import type { DomainDeclaration } from './types';

export const DOMAINS = [NEWS, PEOPLE, CREDIT] as const satisfies readonly DomainDeclaration[];

export type Domain = (typeof DOMAINS)[number];
export type DomainKey = Domain['key'];
export type DomainOf<K extends DomainKey> = Extract<Domain, { key: K }>;
export type * from './types';

export function domainByKey<K extends DomainKey>(key: K): DomainOf<K> {
  return DOMAINS.find((d) => d.key === key) as DomainOf<K>;
}

/** The domain whose public pages hold this path (`/credit/red` -> 诚信红黑榜), or null. */
export function domainOfPath(pathname: string): Domain | null {
  return DOMAINS.find((d) => pathname === d.publicPrefix || pathname.startsWith(`${d.publicPrefix}/`)) ?? null;
}

/** Domains with a site-search tab (their sources are registered in db/domains/). */
export type SearchKind = Extract<Domain, { search: object }>['key'];
export const SEARCH_KINDS: readonly SearchKind[] = DOMAINS.filter((d) => 'search' in d).map((d) => d.key as SearchKind);

/** Each domain's cache tag under its key: `{ news: 'news', people: 'people', ... }`. */
export type DomainTags = { [D in Domain as D['key']]: D['cacheTag'] };
export const DOMAIN_TAGS = Object.fromEntries(DOMAINS.map((d) => [d.key, d.cacheTag])) as DomainTags;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every domain's rate-limit policies in one object (server/rate-limit.ts adds the site-wide ones). */
export type DomainRateLimits = UnionToIntersection<Domain['rateLimits']>;
export const DOMAIN_RATE_LIMITS = Object.assign({}, ...DOMAINS.map((d) => d.rateLimits)) as DomainRateLimits;
