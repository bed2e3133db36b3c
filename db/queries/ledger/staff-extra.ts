// Staff-side reads and writes of the ledger's settings written by the staff pages' helper: 责任单位 (with
// their handlers), 问题类别 and the working-day calendar per year. Writes take the action's transaction.
import { and, asc, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../client';
import { ADMIN_COUNT_CAP, countUpTo, ONE } from '../capped-count';
import { issueCategories, issuePhotos, issues, privateFiles, units, users, workCalendarDays } from '../../schema';
import type { CalendarDayKind, IssueSource, IssueStatus, UnitKind } from '@/lib/enums';
import { likeContains } from '@/lib/lookup-text';
import { overdueSql, withinGroup, type OpenItemGroup } from './deadlines';
import { countOpenItems, ledgerQueueCondition, QUEUE_GROUP, type LedgerQueue } from './ledger-admin/queues';
import { charCount, wordsMatch } from '../search-source';

// ------------------------------------------------------------------------------------------- units

const parent = alias(units, 'parent_unit');

/** Every unit with its parent's name and how many handler accounts it has, by name. */
export async function listUnitsForAdmin(db: Db) {
  return db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      parentId: units.parentId,
      parentName: parent.name,
      areas: units.areas,
      active: units.active,
      handlers: sql<number>`(select count(*)::int from ${users} where ${users.unitId} = ${units.id})`,
    })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .orderBy(asc(units.name));
}

/** Active units for choices (assignment, default unit of a category, a handler's unit). */
export async function listUnitOptions(db: Db) {
  return db.select({ id: units.id, name: units.name, kind: units.kind }).from(units).where(eq(units.active, true)).orderBy(asc(units.name));
}

export async function findUnitForEdit(db: Db, id: number) {
  const [row] = await db.select({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId, areas: units.areas, active: units.active }).from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function unitNameTaken(db: Db, name: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(units).where(eq(units.name, name));
  return (row?.n ?? 0) > 0;
}

export async function insertUnit(db: Db, values: { name: string; kind: UnitKind; parentId: number | null; areas: string[] }) {
  const [row] = await db.insert(units).values(values).returning({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId, areas: units.areas });
  return row!;
}

/** Saves a unit; 'cycle' when the new parent is the unit itself or one of its descendants. */
export async function updateUnitRow(db: Db, id: number, values: { name: string; kind: UnitKind; parentId: number | null; areas: string[]; active: boolean }) {
  if (values.parentId !== null) {
    const rows = await db.execute<{ id: number }>(sql`
      with recursive below(id) as (select ${id}::int union select u.id from ${units} u join below b on u.parent_id = b.id)
      select id from below where id = ${values.parentId}`);
    if (rows.rows.length > 0) return 'cycle' as const;
  }
  const [row] = await db
    .update(units)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(units.id, id))
    .returning({ id: units.id, name: units.name, kind: units.kind, parentId: units.parentId, areas: units.areas, active: units.active });
  return row!;
}

/** The 单位经办人 accounts bound to a unit. */
export async function listUnitHandlers(db: Db, unitId: number) {
  return db.select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled }).from(users).where(eq(users.unitId, unitId)).orderBy(asc(users.username));
}

// -------------------------------------------------------------------------------------- categories

const categoryColumns = {
  id: issueCategories.id,
  name: issueCategories.name,
  defaultUnitId: issueCategories.defaultUnitId,
  deadlineDays: issueCategories.deadlineDays,
  urgentHours: issueCategories.urgentHours,
  photosPublic: issueCategories.photosPublic,
  sortOrder: issueCategories.sortOrder,
};

export async function listCategoriesForAdmin(db: Db) {
  return db.select(categoryColumns).from(issueCategories).orderBy(asc(issueCategories.sortOrder), asc(issueCategories.id));
}

export async function findCategoryForEdit(db: Db, id: number) {
  const [row] = await db.select(categoryColumns).from(issueCategories).where(eq(issueCategories.id, id));
  return row ?? null;
}

export async function categoryNameTaken(db: Db, name: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(issueCategories).where(eq(issueCategories.name, name));
  return (row?.n ?? 0) > 0;
}

type CategoryValues = { name: string; defaultUnitId: number | null; deadlineDays: number; urgentHours: number; sortOrder: number; photosPublic: boolean };

export async function insertCategory(db: Db, values: CategoryValues) {
  const [row] = await db.insert(issueCategories).values(values).returning({ id: issueCategories.id });
  return row!;
}

export async function updateCategoryRow(db: Db, id: number, values: CategoryValues) {
  await db.update(issueCategories).set(values).where(eq(issueCategories.id, id));
}

// ---------------------------------------------------------------------------------------- calendar

export async function listCalendarYear(db: Db, year: number) {
  return db
    .select({ date: workCalendarDays.date, kind: workCalendarDays.kind, note: workCalendarDays.note })
    .from(workCalendarDays)
    .where(and(gte(workCalendarDays.date, `${year}-01-01`), lte(workCalendarDays.date, `${year}-12-31`)))
    .orderBy(asc(workCalendarDays.date));
}

/** Replaces one year's exceptions as a whole (inside the caller's transaction). */
export async function replaceCalendarYear(db: Db, year: number, days: readonly { date: string; kind: CalendarDayKind; note: string }[]) {
  await db.delete(workCalendarDays).where(and(gte(workCalendarDays.date, `${year}-01-01`), lte(workCalendarDays.date, `${year}-12-31`)));
  if (days.length > 0) await db.insert(workCalendarDays).values([...days]);
}

// ------------------------------------------------------------------------------------ the staff list

/** The staff list's queues: the dashboard's cards open them. */
export const STAFF_QUEUES = ['review', 'assign', 'returned', 'verify', 'overdue', 'due'] as const;
/** A unit handler's queues: their unit's items to start, in progress, waiting for verification, late or due soon. */
export const UNIT_QUEUES = ['toFix', 'working', 'verify', 'overdue', 'due'] as const;
export const ALL_QUEUES = [...STAFF_QUEUES, 'toFix', 'working'] as const;
export type StaffQueue = (typeof ALL_QUEUES)[number];

export type StaffIssueFilter = {
  queue?: StaffQueue;
  status?: IssueStatus;
  categoryId?: number;
  unitId?: number;
  area?: string;
  source?: IssueSource;
  q?: string;
  overdue?: boolean;
};

// The list's queue names (the dashboard cards' ?queue= values) and core's queue conditions behind them.
const SHARED: Partial<Record<StaffQueue, LedgerQueue>> = { review: 'toReview', assign: 'toAssign', returned: 'returned', verify: 'toVerify', overdue: 'overdue', due: 'dueSoon' };

/** The statuses that hold a queue's items (countOpenItems): 待整改 and 整改中 are items in work. */
function queueGroup(queue: StaffQueue): OpenItemGroup {
  const shared = SHARED[queue];
  return shared ? QUEUE_GROUP[shared] : 'work';
}

function queueCondition(queue: StaffQueue, now: Date, dueBy: Date): SQL {
  const shared = SHARED[queue];
  if (shared) return ledgerQueueCondition(shared, now, dueBy);
  return queue === 'toFix' ? sql`${issues.status} = 'assigned'` : sql`${issues.status} in ('fixing', 'planned')`;
}

function staffConditions(filter: StaffIssueFilter, now: Date, dueBy: Date): SQL[] {
  const where: SQL[] = [];
  if (filter.queue) where.push(withinGroup(queueGroup(filter.queue), queueCondition(filter.queue, now, dueBy)));
  if (filter.status) where.push(eq(issues.status, filter.status));
  if (filter.categoryId) where.push(eq(issues.categoryId, filter.categoryId));
  if (filter.unitId) where.push(eq(issues.unitId, filter.unitId));
  if (filter.area) where.push(eq(issues.area, filter.area));
  if (filter.source) where.push(eq(issues.source, filter.source));
  if (filter.overdue) where.push(withinGroup('work', overdueSql(now)));
  if (filter.q) {
    const q = filter.q.trim();
    where.push(
      /^ZG-\d{4}-\d{1,6}$/i.test(q)
        ? eq(issues.no, q.toUpperCase())
        : // The text as the site search matches it (two characters through the bigram index), or the 文号,
          // whose partial index the planner ORs with it: no scan of every item.
          or(charCount(q) >= 2 ? wordsMatch([q], issues.searchText, issues.searchBigrams) : ilike(issues.searchText, likeContains(q)), ilike(issues.documentNo, likeContains(q)))!,
    );
  }
  return where;
}

/**
 * A page of items for staff, newest first, with category and unit names. `dueBy` is the end of the
 * "due soon" window (lib/ledger-workflow DUE_SOON_WORKING_DAYS working days from now, computed by the caller
 * with the calendar). A unit handler's filter always carries their unit.
 */
export async function listStaffIssues(db: Db, filter: StaffIssueFilter, options: { now: Date; dueBy: Date; page: number; pageSize: number }) {
  const where = and(...staffConditions(filter, options.now, options.dueBy));
  const [items, total] = await Promise.all([
    db
      .select({
        id: issues.id,
        no: issues.no,
        status: issues.status,
        source: issues.source,
        categoryName: issueCategories.name,
        unitName: units.name,
        area: issues.area,
        address: issues.address,
        description: issues.description,
        urgent: issues.urgent,
        returnCount: issues.returnCount,
        reopenCount: issues.reopenCount,
        createdAt: issues.createdAt,
        deadlineAt: issues.deadlineAt,
        plannedDate: issues.plannedDate,
        submittedAt: issues.submittedAt,
        closedAt: issues.closedAt,
        documentNo: issues.documentNo,
      })
      .from(issues)
      .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
      .leftJoin(units, eq(units.id, issues.unitId))
      .where(where)
      .orderBy(desc(issues.createdAt), desc(issues.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    countUpTo(db, db.select(ONE).from(issues).where(where).$dynamic(), ADMIN_COUNT_CAP),
  ]);
  return { items, ...total };
}

/** How many items wait in each queue (the dashboard and the list's tabs); a unit handler's are their unit's. */
export async function staffQueueCounts(db: Db, options: { now: Date; dueBy: Date; unitId?: number }): Promise<Record<StaffQueue, number>> {
  const queues = options.unitId ? UNIT_QUEUES : STAFF_QUEUES;
  const counts: Partial<Record<StaffQueue, number>> = await countOpenItems(db, queues, (q) => ({ group: queueGroup(q), where: queueCondition(q, options.now, options.dueBy) }), options.unitId);
  return Object.fromEntries(ALL_QUEUES.map((q) => [q, counts[q] ?? 0])) as Record<StaffQueue, number>;
}

/** Every area named by a unit, for the filters and the entry form. */
export async function listAreaOptions(db: Db): Promise<string[]> {
  const rows = await db.execute<{ area: string }>(sql`select distinct unnest(${units.areas}) as area from ${units} where ${units.active} order by 1`);
  return rows.rows.map((r) => r.area);
}

/** The category choices (id, name, default unit, deadlines). */
export async function listCategoryOptions(db: Db) {
  return db.select(categoryColumns).from(issueCategories).orderBy(asc(issueCategories.sortOrder), asc(issueCategories.id));
}

// ------------------------------------------------------------------------------------ one item (staff)

/** A photo with its item's unit and its original's file, for the staff photo route and publishing. */
export async function findIssuePhoto(db: Db, id: number) {
  const [row] = await db
    .select({
      id: issuePhotos.id,
      issueId: issuePhotos.issueId,
      issueNo: issues.no,
      unitId: issues.unitId,
      status: issues.status,
      stage: issuePhotos.stage,
      publicMediaKey: issuePhotos.publicMediaKey,
      photosPublic: issueCategories.photosPublic,
      storageKey: privateFiles.storageKey,
      format: privateFiles.format,
    })
    .from(issuePhotos)
    .innerJoin(issues, eq(issues.id, issuePhotos.issueId))
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .innerJoin(privateFiles, eq(privateFiles.id, issuePhotos.privateFileId))
    .where(eq(issuePhotos.id, id))
    .limit(1);
  return row ?? null;
}
