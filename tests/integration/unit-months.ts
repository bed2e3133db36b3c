// unit_month_figures as stored, and the same rows counted from scratch in JS from the items (lib/unit-stats
// unitCounts per unit and city month of the first assignment): the tests compare the two after writes.
import { and, asc, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { issues, unitMonthFigures } from '@/db/schema';
import { cityDay } from '@/lib/dates';
import { PUBLIC_ISSUE_STATUSES } from '@/lib/enums';
import { unitCounts } from '@/lib/unit-stats';

export type MonthRow = { unitId: number; month: string; assigned: number; closed: number; onTime: number; reopened: number; reopenBase: number; rated: number; satisfied: number };

/** The stored rows, in key order. */
export async function stored(db: Db): Promise<MonthRow[]> {
  const rows = await db.select().from(unitMonthFigures).orderBy(asc(unitMonthFigures.unitId), asc(unitMonthFigures.month));
  return rows.map((r) => ({ ...r, month: String(r.month) }));
}

/** The same rows counted from scratch in JS: the public items per unit and city month of their first assignment to it. */
export async function recounted(db: Db, now: Date = new Date()): Promise<MonthRow[]> {
  const items = await db.select().from(issues).where(and(isNotNull(issues.unitId), isNotNull(issues.unitAssignedAt)));
  const groups = new Map<string, typeof items>();
  for (const item of items) {
    if (!(PUBLIC_ISSUE_STATUSES as readonly string[]).includes(item.status)) continue;
    const key = `${String(item.unitId).padStart(9, '0')} ${cityDay(item.unitAssignedAt!).slice(0, 7)}-01`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.keys()].sort().map((key) => {
    const [unit, month] = key.split(' ') as [string, string];
    const c = unitCounts(
      groups.get(key)!.map((i) => ({ ...i, assignedAt: i.unitAssignedAt!, reopened: i.reopenCount > 0 })),
      now,
    );
    return { unitId: Number(unit), month, assigned: c.assigned, closed: c.closed, onTime: c.onTime, reopened: c.reopened, reopenBase: c.reopenBase, rated: c.rated, satisfied: c.satisfied };
  });
}

