// The registry of content domains: one declaration each (lib/domains/<domain>.ts), in the order the site
// shows them (navigation, search tabs, dashboard, sitemap). Navigation, search, sitemap, dashboard, audit
// labels, cache tags, rate limits, the demo seed and the input suites read this list instead of naming
// domains; database-bound parts are registered under the same keys in db/domains.ts.
import { CREDIT } from './credit';
import { LEDGER } from './ledger';
import { NEWS } from './news';
import { PEOPLE } from './people';
import type { AdminNavEntry, DomainDeclaration, PublicNavEntry, UnionToIntersection } from './types';

export const DOMAINS = [NEWS, PEOPLE, CREDIT, LEDGER] as const satisfies readonly DomainDeclaration[];

export type Domain = (typeof DOMAINS)[number];
export type DomainKey = Domain['key'];
export type DomainOf<K extends DomainKey> = Extract<Domain, { key: K }>;
export type * from './types';

/** The registry with each entry seen as the general declaration (for consumers that only read). */
const DECLARATIONS: readonly DomainDeclaration[] = DOMAINS;

/** The domains' entries of the public main navigation, in registry order. */
export const PUBLIC_NAV: readonly PublicNavEntry[] = DECLARATIONS.flatMap((d) => d.nav.public);
/** The domains' entries of the editors' navigation, in registry order. */
export const ADMIN_NAV: readonly AdminNavEntry[] = DECLARATIONS.flatMap((d) => d.nav.admin);

/** Every public section of a domain: its prefix first, then the further sections it declares. */
export function publicPrefixesOf(domain: DomainDeclaration): readonly `/${string}`[] {
  return [domain.publicPrefix, ...(domain.publicSections ?? [])];
}

/** The domain whose public pages hold this path (`/credit/red` -> 诚信红黑榜, `/snap` -> 问题整改台账), or null. */
export function domainOfPath(pathname: string): Domain | null {
  return DOMAINS.find((d) => publicPrefixesOf(d).some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) ?? null;
}

/** Domains with a site-search tab (their sources are registered in db/domains.ts). */
export type SearchKind = Extract<Domain, { search: object }>['key'];
export const SEARCH_KINDS: readonly SearchKind[] = DECLARATIONS.filter((d) => d.search).map((d) => d.key as SearchKind);
/** Each search kind's tab label (lib/domains search.tab). */
export const SEARCH_TAB_LABELS = Object.fromEntries(DECLARATIONS.flatMap((d) => (d.search ? [[d.key, d.search.tab]] : []))) as Record<SearchKind, string>;

/** Each domain's cache tag under its key: `{ news: 'news', people: 'people', ... }`. */
export type DomainTags = { [D in Domain as D['key']]: D['cacheTag'] };
export const DOMAIN_TAGS = Object.fromEntries(DOMAINS.map((d) => [d.key, d.cacheTag])) as DomainTags;

/** Every domain's rate-limit policies in one object (server/rate-limit.ts adds the site-wide ones). */
export type DomainRateLimits = UnionToIntersection<Domain['rateLimits']>;
export const DOMAIN_RATE_LIMITS = Object.assign({}, ...DOMAINS.map((d) => d.rateLimits)) as DomainRateLimits;
