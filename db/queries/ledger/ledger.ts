// 问题整改台账, the citizens' reads. publicIssues() is the one definition of "visible to citizens": an
// accepted item in any later state (待审核, 不予受理 and 重复 stay private). Only public columns are
// selected (never the reporter's phone, an unpublished name, the exact position, internal notes or
// original photos), and every row passes through maskPublicFields.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { PUBLIC_ISSUE_STATUSES, type IssueEventKind, type IssueSource, type IssueStatus, type Rating } from '@/lib/enums';
import { overdueState } from '@/lib/ledger-workflow';
import { normalizeIssueNo } from '@/lib/ledger-number';
import { maskPublicFields, maskPublicRows } from '@/lib/pii-detect';
import { NO_ITEMS, parsePeriod, statsFromCounts, type UnitStats } from '@/lib/unit-stats';
import type { MediaVariant } from '@/lib/stored-files';
import type { Db } from '../../client';
import { COUNT_CAP } from '../capped-count';
import { issueCategories, issueEvents, issuePhotos, issues, units } from '../../schema';
import { mediaVariantsOf } from '../media';
import { samePhone } from '../phones';
import { OPEN_ITEM_GROUPS, overdueSql, withinGroup } from './deadlines';
import { unitFigureCounts } from './unit-figures';

export const LEDGER_PAGE_SIZE = 20;

/** Items citizens may see: accepted and beyond. */
export function publicIssues(): SQL {
  return inArray(issues.status, [...PUBLIC_ISSUE_STATUSES]);
}

/** The day an instant of a month starts in the city ('2026-05' -> 2026-05-01 00:00 +08:00). */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

export type LedgerFilter = {
  status?: IssueStatus;
  categoryId?: number;
  unitId?: number;
  area?: string;
  overdue?: boolean;
  /** 'yyyy-mm': items reported in that month (city time). */
  month?: string;
  page?: number;
};

/** The public row of a list (ledger, unit page, feed). */
const listColumns = {
  no: issues.no,
  status: issues.status,
  source: issues.source,
  categoryName: issueCategories.name,
  description: issues.description,
  address: issues.address,
  area: issues.area,
  unitId: issues.unitId,
  unitName: units.name,
  urgent: issues.urgent,
  supports: issues.supports,
  createdAt: issues.createdAt,
  assignedAt: issues.assignedAt,
  deadlineAt: issues.deadlineAt,
  plannedDate: issues.plannedDate,
  submittedAt: issues.submittedAt,
  closedAt: issues.closedAt,
  updatedAt: issues.updatedAt,
};

type ListRow = {
  no: string;
  status: IssueStatus;
  source: IssueSource;
  categoryName: string;
  description: string;
  address: string;
  area: string;
  unitId: number | null;
  unitName: string | null;
  urgent: boolean;
  supports: number;
  createdAt: Date;
  assignedAt: Date | null;
  deadlineAt: Date | null;
  plannedDate: string | null;
  submittedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
};

export type LedgerRow = ListRow & { overdue: 'overdue' | 'closed_late' | null };

/** The public rows of items with their category and unit: the base of every list (filter, order and limit follow). */
function selectListRows(db: Db) {
  return db.select(listColumns).from(issues).innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId)).leftJoin(units, eq(units.id, issues.unitId));
}

function toLedgerRow(row: ListRow, now: Date): LedgerRow {
  return { ...row, overdue: overdueState(row, now) };
}

function filterConditions(filter: LedgerFilter, now: Date, withStatus: boolean): SQL[] {
  const where: SQL[] = [publicIssues()];
  if (withStatus && filter.status) where.push(eq(issues.status, filter.status));
  if (filter.categoryId) where.push(eq(issues.categoryId, filter.categoryId));
  if (filter.unitId) where.push(eq(issues.unitId, filter.unitId));
  if (filter.area) where.push(eq(issues.area, filter.area));
  // Within the items in work: the list then reads issues_open_idx, the counts issues_open_status_idx.
  if (filter.overdue) where.push(withinGroup('work', overdueSql(now)));
  if (filter.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month)) {
    where.push(gte(issues.createdAt, monthStart(filter.month)), lt(issues.createdAt, monthStart(nextMonth(filter.month))));
  }
  return where;
}

export type LedgerList = {
  rows: LedgerRow[];
  /** Items under all the filters: exact, or with `capped` a lower bound (a status stopped at COUNT_CAP: shown "1000+"). */
  total: number;
  capped: boolean;
  /** Items per status under the other filters (the status tabs), each up to COUNT_CAP. */
  counts: Partial<Record<IssueStatus, number>>;
  /** Statuses with more than COUNT_CAP items under the other filters. */
  over: IssueStatus[];
};

/**
 * Items per status under the filters, each counted up to COUNT_CAP + 1 rows by its own subquery with the
 * status as a constant, so that each stops early on the index that fits (status, unit, category, area or
 * date): an exact count over 200,000 items reads every match. Statuses the filters exclude are not asked.
 */
async function cappedStatusCounts(db: Db, filter: LedgerFilter, now: Date): Promise<Map<IssueStatus, number>> {
  const statuses = PUBLIC_ISSUE_STATUSES.filter((s) => !filter.overdue || OPEN_ITEM_GROUPS.work.includes(s));
  const where = and(...filterConditions(filter, now, false));
  const parts = statuses.map(
    (status) => sql`select ${status}::text as status, (select count(*) from (select 1 from ${issues} where ${issues.status} = ${status} and ${where} limit ${COUNT_CAP + 1}) hits)::int as n`,
  );
  const result = await db.execute<{ status: IssueStatus; n: number }>(sql.join(parts, sql` union all `));
  return new Map(result.rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * A page of the public ledger, newest first, with the number of items per status under the other filters
 * (the status tabs) and the total under all of them; counts stop at COUNT_CAP, as the look-ups' do.
 */
export async function listLedger(db: Db, filter: LedgerFilter, now: Date = new Date()): Promise<LedgerList> {
  const page = Math.max(1, filter.page ?? 1);
  const where = and(...filterConditions(filter, now, true));
  // Under 超期 the page's ids come first from issues_open_idx alone (every filter column is in it), then
  // only those rows are read: walking the open items newest first through the table would read each row.
  const pageIds = db
    .select({ id: issues.id })
    .from(issues)
    .where(where)
    .orderBy(desc(issues.createdAt), desc(issues.id))
    .limit(LEDGER_PAGE_SIZE)
    .offset((page - 1) * LEDGER_PAGE_SIZE);
  const newestFirst = [desc(issues.createdAt), desc(issues.id)];
  const [rows, byStatus] = await Promise.all([
    filter.overdue
      ? selectListRows(db).where(inArray(issues.id, pageIds)).orderBy(...newestFirst)
      : selectListRows(db).where(where).orderBy(...newestFirst).limit(LEDGER_PAGE_SIZE).offset((page - 1) * LEDGER_PAGE_SIZE),
    cappedStatusCounts(db, filter, now),
  ]);
  const counts: Partial<Record<IssueStatus, number>> = {};
  const over: IssueStatus[] = [];
  for (const [status, n] of byStatus) {
    if (n === 0) continue;
    counts[status] = Math.min(n, COUNT_CAP);
    if (n > COUNT_CAP) over.push(status);
  }
  // All statuses: the sum of the counts, exact unless one of them stopped at the cap (then "at least").
  const total = filter.status ? (counts[filter.status] ?? 0) : Object.values(counts).reduce((n, c) => n + c, 0);
  const capped = filter.status ? over.includes(filter.status) : over.length > 0;
  return { rows: maskPublicRows(rows.map((r) => toLedgerRow(r, now))), total, capped, counts, over };
}

export type LedgerEvent = { kind: IssueEventKind; toStatus: IssueStatus | null; note: string | null; unitName: string | null; at: Date };
export type LedgerPhoto = { id: number; stage: 'before' | 'after'; storageKey: string; variants: MediaVariant[] | null };

/** Steps citizens see on an item's timeline (staff-only steps before acceptance are left out). */
const PUBLIC_EVENT_KINDS: readonly IssueEventKind[] = ['report', 'accept', 'assign', 'return', 'start', 'plan', 'submit', 'close', 'redo', 'rate', 'reopen'];

/** An item's public timeline, oldest first: public notes only. */
export async function publicTimeline(db: Db, issueId: number): Promise<LedgerEvent[]> {
  const rows = await db
    .select({ kind: issueEvents.kind, toStatus: issueEvents.toStatus, note: issueEvents.publicNote, unitName: units.name, at: issueEvents.createdAt })
    .from(issueEvents)
    .leftJoin(units, eq(units.id, issueEvents.actorUnitId))
    .where(and(eq(issueEvents.issueId, issueId), inArray(issueEvents.kind, [...PUBLIC_EVENT_KINDS])))
    .orderBy(asc(issueEvents.createdAt), asc(issueEvents.id));
  return maskPublicRows(rows);
}

/** Published copies only, and none at all in a category whose photos are never public (不文明行为). */
async function publicPhotos(db: Db, issueId: number): Promise<LedgerPhoto[]> {
  const rows = await db
    .select({ id: issuePhotos.id, stage: issuePhotos.stage, storageKey: issuePhotos.publicMediaKey, variants: mediaVariantsOf(issuePhotos.publicMediaKey) })
    .from(issuePhotos)
    .innerJoin(issues, eq(issues.id, issuePhotos.issueId))
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .where(and(eq(issuePhotos.issueId, issueId), isNotNull(issuePhotos.publicMediaKey), eq(issueCategories.photosPublic, true)))
    .orderBy(asc(issuePhotos.stage), asc(issuePhotos.id));
  return rows.map((r) => ({ ...r, storageKey: r.storageKey! }));
}

export type LedgerItem = LedgerRow & {
  id: number;
  publicLat: number | null;
  publicLng: number | null;
  /** Only when the reporter chose to publish it. */
  reporterName: string | null;
  rating: Rating | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  timeline: LedgerEvent[];
  photos: LedgerPhoto[];
};

/** An item's public page (/ledger/<no>), or null when there is no public item with that number. */
export async function ledgerItem(db: Db, no: string, now: Date = new Date()): Promise<LedgerItem | null> {
  const [row] = await db
    .select({
      ...listColumns,
      id: issues.id,
      publicLat: issues.publicLat,
      publicLng: issues.publicLng,
      reporterName: sql<string | null>`case when ${issues.reporterNamePublic} then ${issues.reporterName} else null end`,
      rating: issues.rating,
      ratingComment: issues.ratingComment,
      ratedAt: issues.ratedAt,
    })
    .from(issues)
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .leftJoin(units, eq(units.id, issues.unitId))
    .where(and(publicIssues(), eq(issues.no, normalizeIssueNo(no))))
    .limit(1);
  if (!row) return null;
  const [timeline, photos] = await Promise.all([publicTimeline(db, row.id), publicPhotos(db, row.id)]);
  return maskPublicFields({ ...row, overdue: overdueState(row, now), timeline, photos });
}

/** The newest public items for /ledger/feed.xml (masked like every public read). */
export async function ledgerFeed(db: Db, limit = 50, now: Date = new Date()): Promise<LedgerRow[]> {
  const rows = await selectListRows(db).where(publicIssues()).orderBy(desc(issues.updatedAt), desc(issues.id)).limit(limit);
  return maskPublicRows(rows.map((r) => toLedgerRow(r, now)));
}

/**
 * Open public items of a category in an area, for 我也遇到 before a citizen sends a report: a support
 * to one of them instead of a duplicate. Closed items are left out (a problem back again is a new report).
 */
export async function openSimilarIssues(db: Db, categoryId: number, area: string, limit = 5, now: Date = new Date()): Promise<LedgerRow[]> {
  const rows = await selectListRows(db)
    .where(and(publicIssues(), ne(issues.status, 'closed'), eq(issues.categoryId, categoryId), eq(issues.area, area)))
    .orderBy(desc(issues.supports), desc(issues.createdAt))
    .limit(limit);
  return maskPublicRows(rows.map((r) => toLedgerRow(r, now)));
}

// ------------------------------------------------------------------------------------------ units

export type PublicUnit = { id: number; name: string; kind: string; parentId: number | null; areas: string[] };

/** Active units by kind and name (/units, the ledger's unit filter). */
export async function listUnitsPublic(db: Db): Promise<PublicUnit[]> {
  const rows = await db
    .select({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId, areas: units.areas })
    .from(units)
    .where(eq(units.active, true))
    .orderBy(asc(units.kind), asc(units.name));
  return maskPublicRows(rows);
}

export type UnitPublicPage = PublicUnit & { parentName: string | null; period: string; stats: UnitStats; recent: LedgerRow[] };

/**
 * A unit's public page for a period ('all', 'yyyy', 'yyyy-mm', 'yyyy-Qn'): its figures (one statement over
 * unit_month_figures and two indexes, ./unit-figures) and its latest items. Null for an unknown or inactive unit or a bad period.
 */
export async function unitPublic(db: Db, id: number, period = 'all', now: Date = new Date()): Promise<UnitPublicPage | null> {
  const range = parsePeriod(period);
  if (range === undefined) return null;
  const [unit] = await db
    .select({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId, areas: units.areas })
    .from(units)
    .where(and(eq(units.id, id), eq(units.active, true)))
    .limit(1);
  if (!unit) return null;
  const [counts, parentRows, recent] = await Promise.all([
    unitFigureCounts(db, id, range, now),
    unit.parentId ? db.select({ name: units.name }).from(units).where(eq(units.id, unit.parentId)).limit(1) : Promise.resolve([]),
    // The latest ten only: the unit's whole list (with its counts) is /ledger?unit=<id>.
    selectListRows(db)
      .where(and(publicIssues(), eq(issues.unitId, id)))
      .orderBy(desc(issues.createdAt), desc(issues.id))
      .limit(10),
  ]);
  const stats = statsFromCounts(counts.get(id) ?? NO_ITEMS);
  return maskPublicFields({ ...unit, parentName: parentRows[0]?.name ?? null, period, stats, recent: maskPublicRows(recent.map((r) => toLedgerRow(r, now))) });
}

// ------------------------------------------------------------------------------------------ the reporter

export type SnapStatusEvent = LedgerEvent & { reporterNote: string | null };

export type SnapStatus = {
  no: string;
  status: IssueStatus;
  categoryName: string;
  description: string;
  address: string;
  area: string;
  unitName: string | null;
  createdAt: Date;
  deadlineAt: Date | null;
  plannedDate: string | null;
  submittedAt: Date | null;
  closedAt: Date | null;
  overdue: 'overdue' | 'closed_late' | null;
  rating: Rating | null;
  ratedAt: Date | null;
  duplicateOfNo: string | null;
  /** Whether the item is on the public ledger (so /ledger/<no> shows it). */
  isPublic: boolean;
  events: SnapStatusEvent[];
};

/**
 * The reporter's view of their item (/snap/status): found by receipt number and the phone it was sent
 * with (null when the pair does not match: the caller shows one neutral message). The whole public
 * history plus the reasons given only to the reporter; never internal notes or staff names.
 */
export async function snapStatus(db: Db, no: string, phone: string, now: Date = new Date()): Promise<SnapStatus | null> {
  const [row] = await db
    .select({
      id: issues.id,
      no: issues.no,
      status: issues.status,
      categoryName: issueCategories.name,
      description: issues.description,
      address: issues.address,
      area: issues.area,
      unitName: units.name,
      createdAt: issues.createdAt,
      deadlineAt: issues.deadlineAt,
      plannedDate: issues.plannedDate,
      submittedAt: issues.submittedAt,
      closedAt: issues.closedAt,
      rating: issues.rating,
      ratedAt: issues.ratedAt,
      duplicateOfNo: sql<string | null>`(select d.no from ${issues} d where d.id = ${issues.duplicateOfId} and d.status in ('accepted', 'assigned', 'fixing', 'planned', 'verifying', 'closed'))`,
    })
    .from(issues)
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .leftJoin(units, eq(units.id, issues.unitId))
    .where(and(eq(issues.no, normalizeIssueNo(no)), isNotNull(issues.reporterPhone), samePhone(issues.reporterPhone, phone)))
    .limit(1);
  if (!row) return null;
  const { id: issueId, ...rest } = row;
  const events = await db
    .select({ kind: issueEvents.kind, toStatus: issueEvents.toStatus, note: issueEvents.publicNote, reporterNote: issueEvents.reporterNote, unitName: units.name, at: issueEvents.createdAt })
    .from(issueEvents)
    .leftJoin(units, eq(units.id, issueEvents.actorUnitId))
    .where(and(eq(issueEvents.issueId, issueId), ne(issueEvents.kind, 'publish_photo'), ne(issueEvents.kind, 'support')))
    .orderBy(asc(issueEvents.createdAt), asc(issueEvents.id));
  return maskPublicFields({
    ...rest,
    overdue: overdueState(row, now),
    isPublic: (PUBLIC_ISSUE_STATUSES as readonly string[]).includes(row.status),
    events: maskPublicRows(events),
  });
}

// ------------------------------------------------------------------------------------------ sitemap

/** The sitemap's unit pages (items themselves are many and change daily: the ledger list is listed instead). */
export async function listSitemapUnits(db: Db): Promise<{ id: number; updatedAt: Date }[]> {
  return db.select({ id: units.id, updatedAt: units.updatedAt }).from(units).where(eq(units.active, true)).orderBy(asc(units.id));
}
