// Reads the citizens' pages need beside db/queries/ledger/ledger.ts: the 随手拍 form's categories, the
// 片区/网格 of the active units grouped by unit, and every unit's figures at once for /units (one query
// instead of one per unit, counted exactly as unitStatsItems counts one unit's). Public columns only.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { issueCategories, issueEvents, issues } from '../../schema';
import { unitStats, type PeriodRange, type UnitStats, type UnitStatsItem } from '@/lib/unit-stats';
import { listUnitsPublic, publicIssues, type PublicUnit } from './ledger';

/** Categories in their configured order. */
export async function listSnapCategories(db: Db): Promise<{ id: number; name: string }[]> {
  return db.select({ id: issueCategories.id, name: issueCategories.name }).from(issueCategories).orderBy(asc(issueCategories.sortOrder), asc(issueCategories.id));
}

export type AreaGroup = { unit: string; areas: string[] };

/** Places first: an area shared by a 街道 and a 市直部门 is offered under the 街道. */
const KIND_ORDER = ['街道/乡镇', '社区/村', '包联单位', '市直部门'];

/** The areas of the active units under each unit's name (units without areas left out), each area once. */
export function areaGroups(units: readonly PublicUnit[]): AreaGroup[] {
  const seen = new Set<string>();
  return [...units]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN'))
    .map((u) => ({ unit: u.name, areas: u.areas.filter((area) => !seen.has(area) && Boolean(seen.add(area))) }))
    .filter((g) => g.areas.length > 0);
}

/** Whether `area` is one the active units answer for (a select's value cannot be trusted). */
export function isKnownArea(groups: readonly AreaGroup[], area: string): boolean {
  return groups.some((g) => g.areas.includes(area));
}

/** Every active unit with its figures over the period (items first assigned to it within the period and still its own). */
export async function listUnitsWithStats(db: Db, range: PeriodRange, now: Date = new Date()): Promise<(PublicUnit & { stats: UnitStats })[]> {
  const first = db
    .select({ issueId: issueEvents.issueId, unitId: issueEvents.actorUnitId, assignedAt: sql<Date>`min(${issueEvents.createdAt})`.as('first_assigned_at') })
    .from(issueEvents)
    .where(and(eq(issueEvents.kind, 'assign'), sql`${issueEvents.actorUnitId} is not null`))
    .groupBy(issueEvents.issueId, issueEvents.actorUnitId)
    .as('first_assign');
  const inRange = range ? sql`${first.assignedAt} >= ${`${range.from}T00:00:00+08:00`}::timestamptz and ${first.assignedAt} < ${`${range.to}T00:00:00+08:00`}::timestamptz` : sql`true`;
  const [list, rows] = await Promise.all([
    listUnitsPublic(db),
    db
      .select({
        unitId: first.unitId,
        status: issues.status,
        deadlineAt: issues.deadlineAt,
        plannedDate: issues.plannedDate,
        submittedAt: issues.submittedAt,
        closedAt: issues.closedAt,
        rating: issues.rating,
        assignedAt: first.assignedAt,
        reopened: sql<boolean>`exists (select 1 from ${issueEvents} e where e.issue_id = ${issues.id} and e.kind in ('redo', 'reopen'))`,
      })
      .from(first)
      .innerJoin(issues, eq(issues.id, first.issueId))
      // Still the unit's: an item returned and reassigned elsewhere counts for the unit that has it now.
      .where(and(eq(issues.unitId, first.unitId), publicIssues(), inRange)),
  ]);
  const byUnit = new Map<number, UnitStatsItem[]>();
  for (const { unitId, ...row } of rows) {
    const item: UnitStatsItem = { ...row, assignedAt: new Date(row.assignedAt), reopened: Boolean(row.reopened) };
    byUnit.set(unitId!, [...(byUnit.get(unitId!) ?? []), item]);
  }
  return list.map((u) => ({ ...u, stats: unitStats(byUnit.get(u.id) ?? [], now) }));
}
