// The dashboard's ledger queues: to review, to assign, returned by units, awaiting verification, overdue
// and due within 2 working days. A unit handler's dashboard counts only their unit's items.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { DUE_SOON_WORKING_DAYS } from '@/lib/ledger-workflow';
import { addWorkingDays } from '@/lib/work-calendar';
import type { Db } from '../../../client';
import { issues } from '../../../schema';
import { dueSoonSql, loadCalendar, OPEN_ITEM_GROUPS, overdueSql, type OpenItemGroup } from '../deadlines';

export const LEDGER_QUEUES = ['toReview', 'toAssign', 'returned', 'toVerify', 'overdue', 'dueSoon'] as const;
export type LedgerQueue = (typeof LEDGER_QUEUES)[number];

/** Each queue's condition; `dueBy` is the end of the "due soon" window. */
export function ledgerQueueCondition(queue: LedgerQueue, now: Date, dueBy: Date): SQL {
  switch (queue) {
    case 'toReview':
      return sql`${issues.status} = 'pending'`;
    case 'toAssign':
      return sql`(${issues.status} = 'accepted' and ${issues.returnCount} = 0)`;
    case 'returned':
      return sql`(${issues.status} = 'accepted' and ${issues.returnCount} > 0)`;
    case 'toVerify':
      return sql`${issues.status} = 'verifying'`;
    case 'overdue':
      return overdueSql(now);
    case 'dueSoon':
      return dueSoonSql(now, dueBy);
  }
}

/** The end of the "due soon" window from `now` (DUE_SOON_WORKING_DAYS working days, by the calendar). */
export async function dueSoonLimit(db: Db, now: Date): Promise<Date> {
  return addWorkingDays(now, DUE_SOON_WORKING_DAYS, await loadCalendar(db));
}

// The open items in two groups: not yet with a unit, and in work. A count is made within one group's statuses
// only, so that it is an index-only scan: issues_intake_idx and issues_open_status_idx hold every column the
// queues' conditions read (one count over every open item read their table rows: 100-300 ms at 200,000 items).
/** Which group's statuses hold each queue's items (ledgerQueueCondition). */
export const QUEUE_GROUP: Record<LedgerQueue, OpenItemGroup> = { toReview: 'intake', toAssign: 'intake', returned: 'intake', toVerify: 'work', overdue: 'work', dueSoon: 'work' };

/**
 * How many open items meet each named condition, over every item or one unit's. Each condition names the
 * group whose statuses hold all its items; one query per group (closed, rejected and duplicate items are read
 * by none).
 */
export async function countOpenItems<K extends string>(db: Db, names: readonly K[], conditionOf: (name: K) => { group: OpenItemGroup; where: SQL }, unitId?: number | null): Promise<Record<K, number>> {
  const conditions = names.map((name) => ({ name, ...conditionOf(name) }));
  const groups = [...new Set(conditions.map((c) => c.group))];
  const counted = await Promise.all(
    groups.map(async (group) => {
      const mine = conditions.filter((c) => c.group === group);
      const columns = Object.fromEntries(mine.map((c) => [c.name, sql<number>`(count(*) filter (where ${c.where}))::int`]));
      const [row] = await db
        .select(columns)
        .from(issues)
        .where(and(inArray(issues.status, OPEN_ITEM_GROUPS[group]), unitId ? eq(issues.unitId, unitId) : undefined));
      return mine.map((c) => [c.name, Number(row?.[c.name] ?? 0)] as const);
    }),
  );
  return Object.fromEntries(counted.flat()) as Record<K, number>;
}

/** Counts per queue, over every item or (a unit handler's dashboard) over one unit's. */
export async function ledgerQueueCounts(db: Db, options: { unitId?: number | null; now?: Date } = {}): Promise<Record<LedgerQueue, number>> {
  const now = options.now ?? new Date();
  const dueBy = await dueSoonLimit(db, now);
  return countOpenItems(db, LEDGER_QUEUES, (q) => ({ group: QUEUE_GROUP[q], where: ledgerQueueCondition(q, now, dueBy) }), options.unitId);
}
