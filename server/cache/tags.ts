// The one table of public-content cache tags: each registered domain's tag (lib/domains), the site
// settings every page shows (name, footer), and per-article tags. TAGS (what actions expire) and
// pageTags() (what a cached page depends on) both derive from it.
import { DOMAINS, DOMAIN_TAGS, domainOfPath } from '@/lib/domains';

/** Site settings (name, footer, ICP number): on every page. */
const SETTINGS = 'settings';

export const TAGS = {
  ...DOMAIN_TAGS,
  settings: SETTINGS,
  /** One article, for the reads that show it with its neighbours (prev/next, related). */
  article: (id: number) => `${DOMAIN_TAGS.news}:${id}`,
} as const;

/** Every content tag: what a page outside the domains (home page, search) depends on. */
export const ALL_TAGS: readonly string[] = [...DOMAINS.map((d) => d.cacheTag), SETTINGS];

/** The content tags a public page depends on: its domain's and the settings; pages outside any domain depend on all. */
export function pageTags(pathname: string): string[] {
  const domain = domainOfPath(pathname);
  return domain ? [domain.cacheTag, SETTINGS] : [...ALL_TAGS];
}
