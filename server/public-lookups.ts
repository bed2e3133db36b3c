// Citizens' look-ups (the 诚信红黑榜 lookup by name or code, the site search), cached for a short time in the
// one query cache (server/cache/query-cache.ts): citizens type the same few words, and a common word's
// answer costs the most. Keyed by the canonical query (lib: the same words typed another way share one
// entry), expired by the domains' tags on every change (an entry published, edited or withdrawn shows at
// once), after LOOKUP_REVALIDATE seconds at the latest (entries and articles scheduled by the clock), and at
// the city's midnight (entries reaching their end date are never answered from the cache). Only public,
// masked results are cached: the same for every visitor, nothing personal.
import { lookupPublicCredit, type PublicCreditPage } from '@/db/queries/credit';
import { searchPublic, SEARCH_KINDS, type SearchTab, type SiteSearchResult } from '@/db/queries/search';
import { canonicalCreditLookup, type RunnableCreditLookup } from '@/lib/credit-lookup';
import { DOMAIN_TAGS } from '@/lib/domains';
import { canonicalSearch, type RunnableSearch } from '@/lib/search-text';
import { cachedQuery } from '@/server/cache/query-cache';
import { TAGS } from '@/server/cache/tags';

/** Seconds a look-up's answer is kept when nothing under its tags changes. */
export const LOOKUP_REVALIDATE = 30;

const SEARCH_TAGS = SEARCH_KINDS.map((kind) => DOMAIN_TAGS[kind]);

const creditLookup = cachedQuery('credit.lookup', (db, lookup: RunnableCreditLookup, page: number, pageSize: number) => lookupPublicCredit(db, lookup, page, pageSize), {
  tags: () => [TAGS.credit],
  revalidate: LOOKUP_REVALIDATE,
  midnight: true,
});

const siteSearch = cachedQuery('search.page', (db, query: RunnableSearch, tab: SearchTab, page: number) => searchPublic(db, query, { tab, page }), {
  tags: () => SEARCH_TAGS,
  revalidate: LOOKUP_REVALIDATE,
  midnight: true,
});

/** lookupPublicCredit() through the short cache. The page is shared: treat it as read-only. */
export function cachedCreditLookup(lookup: RunnableCreditLookup, page: number, pageSize: number): Promise<PublicCreditPage> {
  return creditLookup(canonicalCreditLookup(lookup), page, pageSize);
}

/** searchPublic() through the short cache (`page` already clamped). The result is shared: treat it as read-only. */
export function cachedSiteSearch(query: RunnableSearch, tab: SearchTab, page: number): Promise<SiteSearchResult> {
  return siteSearch(canonicalSearch(query), tab, page);
}
