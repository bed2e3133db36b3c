// The shape of a content domain's declaration (lib/domains/<domain>.ts): the pure facts that the shared
// consumers read (navigation, cache tags, audit labels, rate limits, search tabs, dashboard queues,
// the public pages for the input suites). Database-bound parts are registered in db/domains.ts.
import type { Permission } from '../roles';

/** A per-client-address limit (server/rate-limit.ts counts it): `limit` events per window. */
export type RateLimitPolicy = { name: string; limit: number; windowSeconds: number };

export type PublicNavEntry = { href: string; label: string };
export type AdminNavEntry = { href: string; label: string; permission: Permission };

/** A dashboard card counting a workflow's items by status (草稿/退回, 待审核). */
export type ReviewQueueCard = {
  label: string;
  /** The list the counts open. */
  href: string;
  /** The list accepts ?status=, so each count opens its own selection. */
  filtered: boolean;
};

/** A dashboard count of work waiting for staff (citizens' recommendations, comments, objections). */
export type WaitingCount = {
  label: string;
  href: string;
  /** The count link's accessible name when the label alone says too little. */
  ariaLabel?: string;
  /** A line under the count, `{n}` replaced by the count of that key (e.g. 其中被举报隐藏 {n} 条). */
  note?: { count: string; text: string };
};

/**
 * What a public query parameter takes, for the odd-input suite: 'text' a free-text look-up (gets the
 * values aimed at look-ups), 'choice' a value picked from a list or an id, 'page' a page number.
 */
export type ParamKind = 'text' | 'choice' | 'page';

/** A public page of the domain: `route` as in app/(public) (`/credit/batch/[id]`), and the parameters it reads. */
export type PublicPage = {
  route: string;
  params?: Readonly<Record<string, ParamKind>>;
  /** Parameters that make the page show a list worth paging (`q=有限公司`), sent with the page numbers. */
  listing?: string;
};

/**
 * Records the audit log names rather than numbers: an id (or a media storage key) stored in a field, or
 * the record an entry is about, is shown as the record's name (db/queries/audit.ts finds the names).
 */
export type AuditRef =
  | 'user'
  | 'media'
  | 'media_key'
  | 'news_article'
  | 'news_channel'
  | 'good_person'
  | 'people_batch'
  | 'credit_category'
  | 'credit_batch'
  | 'credit_entry'
  | 'issue'
  | 'unit'
  | 'issue_category';

/** How the audit log shows a field's stored value: coded values by their Chinese names, or ids by name. */
export type AuditValueFormat = { codes: Readonly<Record<string, string>> } | { ref: AuditRef } | 'time' | 'bytes' | 'fields';

/**
 * A domain's audit vocabulary. Keys of `fields` and `values` are field names, or `entity.field` where one
 * record type uses a field differently (good_person.name is 姓名, credit_entry.name is 名称).
 */
export type AuditLabels = {
  actions: Readonly<Record<string, string>>;
  entities: Readonly<Record<string, string>>;
  fields: Readonly<Record<string, string>>;
  values?: Readonly<Record<string, AuditValueFormat>>;
  /** Record types whose entries name the record itself (the 对象 column): shown by name, not number. */
  refs?: Readonly<Record<string, AuditRef>>;
};

export type DomainDeclaration = {
  /** The key every registry and consumer uses: also the search tab (?type=) and the db/domains entry. */
  key: string;
  /** The domain's Chinese name. */
  name: string;
  /** Public pages live under this prefix (app/(public)/<prefix>). */
  publicPrefix: `/${string}`;
  /** Further public sections the domain owns beside its prefix (the ledger's /snap and /units). */
  publicSections?: readonly `/${string}`[];
  /** Editors' pages live under this prefix (app/(admin)/admin/<folder>). */
  adminPrefix: `/admin/${string}`;
  nav: { public: readonly PublicNavEntry[]; admin: readonly AdminNavEntry[] };
  /** The cache tag of the domain's public content: its pages and cached queries depend on it. */
  cacheTag: string;
  /** A tab of the site search (db/domains registers the source): its label. */
  search?: { tab: string };
  /** Chinese names of the audit log's codes this domain writes (lib/audit-labels.ts merges them). */
  audit: AuditLabels;
  /** Citizens' per-address limits (server/rate-limit.ts POLICIES), by the name actions use. */
  rateLimits: Readonly<Record<string, RateLimitPolicy>>;
  /** Dashboard cards: the counts come from db/domains (same keys). */
  dashboard: {
    review: Readonly<Record<string, ReviewQueueCard>>;
    waiting?: { id: string; heading: string; items: Readonly<Record<string, WaitingCount>> };
  };
  /** Every public page (checked against app/(public) by tests/unit/domains.test.ts). */
  publicPages: readonly PublicPage[];
};

/** `A | B` -> `A & B` (merging what every domain contributes). */
export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
