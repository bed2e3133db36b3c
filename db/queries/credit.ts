// 诚信红黑榜 queries. publicCredit() is the one definition of "visible to citizens": 公示中, listed,
// inside its publication period (computed from dates, so expiry needs no job), in a published batch.
import { and, count, desc, eq, gte, ilike, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import { maskPersonName } from '@/lib/mask';
import type { Db } from '../client';
import { commonWalkBound, NAME_WALK_ROW_COST, PROBE_MATCHES } from '@/lib/lookup-plan';
import { planLookups, type LookupPlan, type StatsTarget } from './lookup-plan';
import { cappedTotal, COUNT_CAP, FENCE, type CappedTotal } from './capped-count';
import { creditBatches, creditCategories, creditEntries, creditPublicSpans, type CreditList, type SubjectKind } from '../schema';
import { likeContains } from '@/lib/lookup-text';
import { maskPublicFields, maskPublicRows } from '@/lib/pii-detect';

export function publicCredit(today: string = cityDay(), now: Date = new Date()): SQL {
  return and(
    eq(creditEntries.status, 'public'),
    // Implied by the listed date (an entry is listed on or after its decision, lib/credit-entry.ts), and
    // stated so that a walk of the decision-date index starts at today instead of reading every entry
    // decided for a later listing first (about 5,000 at scale).
    lte(creditEntries.decisionDate, today),
    lte(creditEntries.listedDate, today),
    gte(creditEntries.publicationEnd, today),
    eq(creditBatches.status, 'published'),
    lte(creditBatches.publishedAt, now),
  )!;
}

/** Natural persons' names follow the category's masking rule; organisations are shown in full. */
export function publicSubjectName(entry: { name: string; subjectKind: SubjectKind; personNameMasking: 'masked' | 'full' }): string {
  return entry.subjectKind === '自然人' && entry.personNameMasking === 'masked' ? maskPersonName(entry.name) : entry.name;
}


/**
 * Name match for public lookups. Natural persons whose category masks names are never matched by name
 * (typing a full name must not confirm that a person is listed); they are found by entry number only.
 * Needs credit_categories joined.
 */
export function publicNameMatches(pattern: string): SQL {
  return and(ilike(creditEntries.name, pattern), or(ne(creditEntries.subjectKind, '自然人'), eq(creditCategories.personNameMasking, 'full')))!;
}

// Only columns that may be shown publicly; the full id_number column is never selected here.
const publicColumns = {
  id: creditEntries.id,
  list: creditEntries.list,
  category: creditCategories.name,
  personNameMasking: creditCategories.personNameMasking,
  subjectKind: creditEntries.subjectKind,
  name: creditEntries.name,
  creditCode: creditEntries.creditCode,
  idNumberMasked: creditEntries.idNumberMasked,
  decisionDate: creditEntries.decisionDate,
  listedDate: creditEntries.listedDate,
  publicationEnd: creditEntries.publicationEnd,
  authority: creditEntries.authority,
};

/** An entry's page (and the staff export of the public view): the public columns and the decision's details. Needs credit_batches joined. */
export const publicDetailColumns = {
  ...publicColumns,
  legalRep: creditEntries.legalRep,
  reason: creditEntries.reason,
  amount: creditEntries.amount,
  basisDoc: creditEntries.basisDoc,
  batchTitle: creditBatches.title,
};

type PublicRow = {
  id: number;
  list: CreditList;
  category: string;
  personNameMasking: 'masked' | 'full';
  subjectKind: SubjectKind;
  name: string;
  creditCode: string | null;
  idNumberMasked: string | null;
  decisionDate: string;
  listedDate: string;
  publicationEnd: string;
  authority: string;
};

/**
 * A row as citizens see it: the name masked by its category's rule, and ID, mobile and bank card numbers
 * masked in every text field (the last line of defence for numbers in old data, lib/pii-detect.ts). Every
 * public read of entries (lists, lookups, the entry page, search, the public-view export) ends here.
 */
export function toPublicEntry<R extends PublicRow>({ personNameMasking, ...row }: R): Omit<R, 'personNameMasking'> {
  return maskPublicFields({ ...row, name: publicSubjectName({ ...row, personNameMasking }) });
}
export type PublicCreditEntry = Omit<PublicRow, 'personNameMasking'>;

export async function findLatestPublicCreditBatch(db: Db) {
  const [batch] = await db
    .select({ id: creditBatches.id, title: creditBatches.title, publishedAt: creditBatches.publishedAt })
    .from(creditBatches)
    .where(and(eq(creditBatches.status, 'published'), lte(creditBatches.publishedAt, new Date())))
    .orderBy(desc(creditBatches.publishedAt), desc(creditBatches.id))
    .limit(1);
  return batch ? maskPublicFields(batch) : null;
}

export async function listPublicEntriesOfBatch(db: Db, batchId: number, list: CreditList, limit: number): Promise<PublicCreditEntry[]> {
  const rows = await db
    .select(publicColumns)
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(publicCredit(), eq(creditEntries.batchId, batchId), eq(creditEntries.list, list)))
    .orderBy(desc(creditEntries.listedDate), desc(creditEntries.id))
    .limit(limit);
  return rows.map(toPublicEntry);
}

/**
 * The derived counterpart of publicCredit() for counts: the spans of public entries (credit_public_spans, kept
 * by triggers) that contain `today`, of batches published by `now`. Needs credit_batches joined.
 */
function publicSpans(today: string = cityDay(), now: Date = new Date()): SQL {
  return and(lte(creditPublicSpans.startDay, today), gte(creditPublicSpans.endDay, today), eq(creditBatches.status, 'published'), lte(creditBatches.publishedAt, now))!;
}

const spanEntries = sql<number>`coalesce(sum(${creditPublicSpans.entries}), 0)`.mapWith(Number);

/** How many entries are 公示中 per batch, list and category, from the spans (some thousands of rows, never every entry). */
function publicSpanSums(db: Db, where?: SQL, today: string = cityDay(), now: Date = new Date()) {
  return db
    .select({ batchId: creditPublicSpans.batchId, list: creditPublicSpans.list, categoryId: creditPublicSpans.categoryId, n: spanEntries })
    .from(creditPublicSpans)
    .innerJoin(creditBatches, eq(creditBatches.id, creditPublicSpans.batchId))
    .where(and(publicSpans(today, now), where))
    .groupBy(creditPublicSpans.batchId, creditPublicSpans.list, creditPublicSpans.categoryId);
}

/** Sums of publicSpanSums rows by one of their keys. */
function sumBy<K extends 'batchId' | 'list' | 'categoryId'>(rows: { batchId: number; list: CreditList; categoryId: number; n: number }[], key: K): Map<(typeof rows)[number][K], number> {
  const sums = new Map<(typeof rows)[number][K], number>();
  for (const row of rows) sums.set(row[key], (sums.get(row[key]) ?? 0) + row.n);
  return sums;
}

export async function countPublicCreditByList(db: Db): Promise<Record<CreditList, number>> {
  const byList = sumBy(await publicSpanSums(db), 'list');
  return { red: byList.get('red') ?? 0, black: byList.get('black') ?? 0 };
}

export async function countPublicCreditByCategory(db: Db) {
  const [categories, sums] = await Promise.all([
    db.select({ id: creditCategories.id, list: creditCategories.list, name: creditCategories.name }).from(creditCategories).orderBy(creditCategories.sortOrder, creditCategories.id),
    publicSpanSums(db),
  ]);
  const byCategory = sumBy(sums, 'categoryId');
  return categories.map((c) => ({ ...c, n: byCategory.get(c.id) ?? 0 }));
}

/** One public entry with the facts citizens may see (never the full ID number, address or phone). */
export async function findPublicCreditEntry(db: Db, id: number) {
  const [row] = await db
    .select({ ...publicDetailColumns, batchId: creditBatches.id })
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(publicCredit(), eq(creditEntries.id, id)))
    .limit(1);
  return row ? toPublicEntry(row) : null;
}

export const CREDIT_PAGE_SIZE = 20;

/** `total` stops at COUNT_CAP (then `capped` is true: show "1000+"): an exact count would read every match. */
export type PublicCreditPage = { rows: PublicCreditEntry[] } & CappedTotal;

/** The filters of the public lists: a list, a category, a batch. */
type PublicListFilter = { list?: CreditList; categoryId?: number; batchId?: number };

/**
 * A page of 公示中 entries (publicCredit()) of a list, category or batch, newest decision first. The count
 * comes from the spans (exact, then capped as every public count is).
 */
async function publicPage(db: Db, filter: PublicListFilter, page: number, pageSize: number): Promise<PublicCreditPage> {
  // One day and instant for the count and the rows, so that they agree across midnight.
  const today = cityDay();
  const now = new Date();
  const where = and(
    publicCredit(today, now),
    filter.list ? eq(creditEntries.list, filter.list) : undefined,
    filter.categoryId ? eq(creditEntries.categoryId, filter.categoryId) : undefined,
    filter.batchId ? eq(creditEntries.batchId, filter.batchId) : undefined,
  );
  const spans = and(
    filter.list ? eq(creditPublicSpans.list, filter.list) : undefined,
    filter.categoryId ? eq(creditPublicSpans.categoryId, filter.categoryId) : undefined,
    filter.batchId ? eq(creditPublicSpans.batchId, filter.batchId) : undefined,
  );
  // The count first: a batch whose entries have all expired, or a page past the last, reads no entry.
  const sums = await publicSpanSums(db, spans, today, now);
  const n = sums.reduce((sum, row) => sum + row.n, 0);
  const offset = (page - 1) * pageSize;
  const rows =
    n > offset
      ? await db
          .select(publicColumns)
          .from(creditEntries)
          .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
          .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
          .where(where)
          .orderBy(desc(creditEntries.decisionDate), desc(creditEntries.id))
          .limit(pageSize)
          .offset(offset)
      : [];
  return { rows: rows.map(toPublicEntry), ...cappedTotal(n, COUNT_CAP) };
}

/** /credit/red and /credit/black, optionally one category. */
export function listPublicCredit(db: Db, options: { list: CreditList; categoryId?: number; page?: number; pageSize?: number }): Promise<PublicCreditPage> {
  return publicPage(db, { list: options.list, categoryId: options.categoryId }, options.page ?? 1, options.pageSize ?? CREDIT_PAGE_SIZE);
}

/**
 * The index-served condition of a name lookup: two-character fragments through the name's bigrams (pg_trgm
 * produces no trigram from `%xy%`), longer ones through the name trigram index. Both find exactly what the
 * ILIKE alone finds (a two-character fragment is in a name exactly when it is among its bigrams).
 */
export function nameFragmentMatch(fragment: string): SQL {
  if (Array.from(fragment).length !== 2) return ilike(creditEntries.name, likeContains(fragment));
  // The bigrams alone, exactly (search-source.ts titleIndexMatch says why no ILIKE is added).
  return sql`${creditEntries.searchBigrams} @> ARRAY[lower(${fragment}::text)]`;
}

/** Natural persons in categories that mask names are never matched by name. Needs credit_categories joined. */
export function nameMatchAllowed(): SQL {
  return or(ne(creditEntries.subjectKind, '自然人'), eq(creditCategories.personNameMasking, 'full'))!;
}

const fencedColumns = {
  id: creditEntries.id,
  list: creditEntries.list,
  categoryId: creditEntries.categoryId,
  batchId: creditEntries.batchId,
  status: creditEntries.status,
  subjectKind: creditEntries.subjectKind,
  name: creditEntries.name,
  creditCode: creditEntries.creditCode,
  idNumberMasked: creditEntries.idNumberMasked,
  decisionDate: creditEntries.decisionDate,
  listedDate: creditEntries.listedDate,
  publicationEnd: creditEntries.publicationEnd,
  authority: creditEntries.authority,
};

/**
 * The entries matching an index-served condition (a code, a name fragment), planned on their own: OFFSET 0
 * keeps the planner from pulling the subquery into the joins, where it would walk a date index past every
 * non-matching row for a rare fragment, or repeat a bitmap scan once per category. Aliased to the table's
 * own name, so that publicCredit() and the column objects apply to it unchanged. Never selects id_number.
 */
export function fencedEntries(db: Db, match: SQL) {
  return db.select(fencedColumns).from(creditEntries).where(match).offset(FENCE).as('credit_entries');
}

function omitCount<T extends { n: number }>(row: T): Omit<T, 'n'> {
  const copy: Partial<T> = { ...row };
  delete copy.n;
  return copy as Omit<T, 'n'>;
}

/** The statistics that estimate how many entries a name fragment matches (db/queries/lookup-plan.ts); a walk tests short names. */
export const CREDIT_NAME_STATS: StatsTarget = { table: 'credit_entries', column: 'search_bigrams', walkRowCost: NAME_WALK_ROW_COST };

const INDEX_PLAN: LookupPlan = { kind: 'index' };
/**
 * A fragment with more than COUNT_CAP public matches is in at least 1 in 1,000 of a million entries: its
 * page is looked for among the newest 500 rows per match wanted first (10,000 rows for page 1).
 */
const OVER_CAP_WALK_ROWS_PER_MATCH = 500;

/** The public columns of the matches `m` of a lookup, with how many there are (up to its limit). */
function pageOf(db: Db, m: ReturnType<typeof lookupMatches>, pageSize: number, offset: number) {
  return db
    .with(m)
    .select({
      id: m.id,
      list: m.list,
      category: m.category,
      personNameMasking: m.personNameMasking,
      subjectKind: m.subjectKind,
      name: m.name,
      creditCode: m.creditCode,
      idNumberMasked: m.idNumberMasked,
      decisionDate: m.decisionDate,
      listedDate: m.listedDate,
      publicationEnd: m.publicationEnd,
      authority: m.authority,
      // m is referenced twice, so both engines materialize it once.
      n: sql<number>`(select count(*) from ${m})`.mapWith(Number),
    })
    .from(m)
    .orderBy(desc(m.decisionDate), desc(m.id))
    .limit(pageSize)
    .offset(offset);
}

/** Public matches from `entries` (the fenced index matches, or the newest entries of a walk), at most `limit`. */
function lookupMatches(db: Db, entries: ReturnType<typeof fencedEntries>, filter: SQL | undefined, limit: number, ordered: boolean) {
  const select = db
    .select({ ...publicColumns, category: sql<string>`${creditCategories.name}`.as('category') })
    .from(entries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(filter)
    .$dynamic();
  return db.$with('m').as((ordered ? select.orderBy(desc(creditEntries.decisionDate), desc(creditEntries.id)) : select).limit(limit));
}

/** The newest `bound` entries decided by today (later ones are not public), under the table's name (never id_number). */
function newestEntries(db: Db, bound: number) {
  return db
    .select(fencedColumns)
    .from(creditEntries)
    .where(lte(creditEntries.decisionDate, cityDay()))
    .orderBy(desc(creditEntries.decisionDate), desc(creditEntries.id))
    .limit(bound)
    .as('credit_entries');
}

/**
 * Lookup by a checked 统一社会信用代码 (exact match) or by a name fragment (substring, wildcards literal),
 * newest decision first, counted up to COUNT_CAP. The plan comes from planLookups() (lib/lookup-plan.ts):
 *  - index: the matches through the code, trigram or bigram index first, up to COUNT_CAP + 1 of them; when
 *    they are within the cap (almost every real lookup) exactly those rows are sorted and paged, so a rare
 *    fragment costs a handful of rows; a fragment with more matches pages by walking the decision-date
 *    index, which is quick precisely because such matches are dense.
 *  - walk (a fragment in a large share of the names, 有限公): the decision-date index newest first, within
 *    the plan's bound, until COUNT_CAP + 1 matches (or the page) are found: the count and the page in one
 *    read. Fewer within the bound (the estimate was too high): the index plan after all.
 *  - common (a fragment the statistics put in 10+ times the cap's rows, 诚信): no count; the page alone is
 *    read by walking the decision-date index, within a bound of a few times the rows the estimate expects,
 *    and "1000+" is shown. Fewer matches within the bound: the index plan after all (lib/lookup-plan.ts
 *    SURELY_COMMON_FACTOR says when the claim can still be wrong).
 * All give the same rows and order, and the first two the same count. `options.plan` forces a plan (tests compare them).
 */
export async function lookupPublicCredit(
  db: Db,
  query: { code: string } | { fragment: string },
  page = 1,
  pageSize = CREDIT_PAGE_SIZE,
  options: { plan?: LookupPlan } = {},
): Promise<PublicCreditPage> {
  const match = 'code' in query ? eq(creditEntries.creditCode, query.code) : nameFragmentMatch(query.fragment);
  const filter = and(publicCredit(), 'code' in query ? undefined : nameMatchAllowed());
  const offset = (page - 1) * pageSize;
  const pageRows = offset + pageSize;
  const need = Math.max(COUNT_CAP + 1, pageRows);
  const plan = options.plan ?? ('code' in query ? INDEX_PLAN : (await planLookups(db, [CREDIT_NAME_STATS], [query.fragment], need, pageRows))[0]!);
  // The walk tests the name by its ILIKE alone: each row is at hand, no index is asked.
  const walkMatch = 'code' in query ? match : ilike(creditEntries.name, likeContains(query.fragment));
  if (plan.kind === 'common') {
    // Surely common: no count. The newest entries are walked for the page only, within the bound the
    // estimate implies; finding the page (at least PROBE_MATCHES rows) there confirms the estimate.
    const want = Math.max(pageRows, PROBE_MATCHES);
    const walked = await pageOf(db, lookupMatches(db, newestEntries(db, commonWalkBound(plan.share, want)), and(filter, walkMatch), want, true), pageSize, offset);
    if ((walked[0]?.n ?? 0) >= want) return { rows: walked.map((row) => toPublicEntry(omitCount(row))), total: COUNT_CAP, capped: true };
  }
  if (plan.kind === 'walk') {
    const walked = await pageOf(db, lookupMatches(db, newestEntries(db, plan.bound), and(filter, walkMatch), need, true), pageSize, offset);
    // `need` matches within the bound: the newest of all, so the count (capped) and the page are exact.
    const n = walked[0]?.n ?? 0;
    if (n >= need) return { rows: walked.map((row) => toPublicEntry(omitCount(row))), ...cappedTotal(n, COUNT_CAP) };
  }
  const m = lookupMatches(db, fencedEntries(db, match), filter, COUNT_CAP + 1, false);
  const found = await pageOf(db, m, pageSize, offset);
  // A page past the last has no rows to carry the count: count on its own.
  const n = found[0]?.n ?? (page > 1 ? ((await db.with(m).select({ n: count() }).from(m))[0]?.n ?? 0) : 0);
  if (n <= COUNT_CAP) return { rows: found.map((row) => toPublicEntry(omitCount(row))), total: n, capped: false };
  // More than COUNT_CAP matches: walk newest first, first within the newest entries only. Behind its LIMIT
  // that subquery is read down the decision-date index; left to itself, the planner took the ILIKE's low
  // row estimate (文明, 诚信) for a reason to scan and sort a million names (1.3 s).
  const bounded = await pageOf(db, lookupMatches(db, newestEntries(db, OVER_CAP_WALK_ROWS_PER_MATCH * pageRows), and(filter, walkMatch), pageRows, true), pageSize, offset);
  if ((bounded[0]?.n ?? 0) >= pageRows) return { rows: bounded.map((row) => toPublicEntry(omitCount(row))), total: COUNT_CAP, capped: true };
  // Sparser than that among the newest entries: walk on. The name is tested by its ILIKE alone here, so that the
  // planner does not take the bigram condition's (low) row estimate for a reason to sort every match.
  const rows = await db
    .select(publicColumns)
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(filter, walkMatch))
    .orderBy(desc(creditEntries.decisionDate), desc(creditEntries.id))
    .limit(pageSize)
    .offset(offset);
  return { rows: rows.map(toPublicEntry), total: COUNT_CAP, capped: true };
}

/** Categories of one list, for the filter on the list pages. */
export function listCreditCategories(db: Db, list: CreditList) {
  return db
    .select({ id: creditCategories.id, name: creditCategories.name })
    .from(creditCategories)
    .where(eq(creditCategories.list, list))
    .orderBy(creditCategories.sortOrder, creditCategories.id);
}

function publishedBatch(now: Date = new Date()): SQL {
  return and(eq(creditBatches.status, 'published'), lte(creditBatches.publishedAt, now))!;
}

/** Every published batch, newest first, with how many of its entries are still 公示中. */
export async function listPublicCreditBatches(db: Db) {
  const [batches, sums] = await Promise.all([
    db.select({ id: creditBatches.id, title: creditBatches.title, publishedAt: creditBatches.publishedAt }).from(creditBatches).where(publishedBatch()).orderBy(desc(creditBatches.publishedAt), desc(creditBatches.id)),
    publicSpanSums(db),
  ]);
  const byBatch = sumBy(sums, 'batchId');
  return maskPublicRows(batches.map((row) => ({ ...row, publishedAt: row.publishedAt!, n: byBatch.get(row.id) ?? 0 })));
}

/** A published batch (null for drafts, batches under review and scheduled ones). */
export async function findPublicCreditBatch(db: Db, id: number) {
  const [batch] = await db
    .select({ id: creditBatches.id, title: creditBatches.title, publishedAt: creditBatches.publishedAt })
    .from(creditBatches)
    .where(and(publishedBatch(), eq(creditBatches.id, id)))
    .limit(1);
  return batch ? maskPublicFields({ ...batch, publishedAt: batch.publishedAt! }) : null;
}

/** A page of a published batch's 公示中 entries, optionally of one list. */
export async function listPublicCreditOfBatch(db: Db, batchId: number, options: { list?: CreditList; page?: number; pageSize?: number } = {}): Promise<PublicCreditPage> {
  return publicPage(db, { batchId, list: options.list }, options.page ?? 1, options.pageSize ?? CREDIT_PAGE_SIZE);
}

/** Whether an entry is 公示中 right now (the objection form accepts only such entries). */
export async function isPublicCreditEntry(db: Db, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: creditEntries.id })
    .from(creditEntries)
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(publicCredit(), eq(creditEntries.id, id)))
    .limit(1);
  return Boolean(row);
}
