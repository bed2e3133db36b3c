// Reads the citizens' pages need beside db/queries/ledger/ledger.ts: the 随手拍 form's categories, the
// 片区/网格 of the active units grouped by unit, and every unit's figures at once for /units (one aggregate
// grouped by unit instead of one per unit, counted as a unit's own page counts). Public columns only.
import { asc } from 'drizzle-orm';
import type { Db } from '../../client';
import { issueCategories } from '../../schema';
import { NO_ITEMS, statsFromCounts, type PeriodRange, type UnitStats } from '@/lib/unit-stats';
import { listUnitsPublic, type PublicUnit } from './ledger';
import { unitFigureCounts } from './unit-figures';

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
  const [list, counts] = await Promise.all([listUnitsPublic(db), unitFigureCounts(db, null, range, now)]);
  return list.map((u) => ({ ...u, stats: statsFromCounts(counts.get(u.id) ?? NO_ITEMS) }));
}
