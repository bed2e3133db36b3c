// The dashboard's ledger queues: to review, to assign, returned by units, awaiting verification, overdue
// and due within 2 working days. A unit handler's dashboard counts only their unit's items.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { IssueStatus } from '@/lib/enums';
import { DUE_SOON_WORKING_DAYS } from '@/lib/ledger-workflow';
import { addWorkingDays } from '@/lib/work-calendar';
import type { Db } from '../../../client';
import { issues } from '../../../schema';
import { dueSoonSql, loadCalendar, overdueSql } from '../deadlines';

const OPEN_STATUSES: IssueStatus[] = ['pending', 'accepted', 'assigned', 'fixing', 'planned', 'verifying'];

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

/** Counts per queue, over every item or (a unit handler's dashboard) over one unit's. */
export async function ledgerQueueCounts(db: Db, options: { unitId?: number | null; now?: Date } = {}): Promise<Record<LedgerQueue, number>> {
  const now = options.now ?? new Date();
  const dueBy = await dueSoonLimit(db, now);
  const columns = Object.fromEntries(LEDGER_QUEUES.map((q) => [q, sql<number>`(count(*) filter (where ${ledgerQueueCondition(q, now, dueBy)}))::int`])) as Record<LedgerQueue, SQL<number>>;
  const [row] = await db
    .select(columns)
    .from(issues)
    // Closed, rejected and duplicate items are in no queue: only open ones are read.
    .where(and(inArray(issues.status, OPEN_STATUSES), options.unitId ? eq(issues.unitId, options.unitId) : undefined));
  return Object.fromEntries(LEDGER_QUEUES.map((q) => [q, Number(row?.[q] ?? 0)])) as Record<LedgerQueue, number>;
}
