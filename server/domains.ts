// The server-bound parts of the domain registry: each domain's sitemap entries (db/domains.ts), cached
// under the domain's cache tag, so an editor's change shows at once and the sitemap is cheap otherwise.
import { DOMAIN_DATA } from '@/db/domains';
import { DOMAINS } from '@/lib/domains';
import { cachedQuery } from './cache/query-cache';

/** How late a scheduled item appears in the sitemap at the most. */
const REVALIDATE = 60;

export const domainSitemaps = DOMAINS.map((domain) => cachedQuery(`${domain.key}.sitemap`, DOMAIN_DATA[domain.key].sitemap, { tags: () => [domain.cacheTag], revalidate: REVALIDATE }));
