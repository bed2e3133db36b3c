// 超期 in SQL: the same rule as lib/ledger-workflow overdueState, for filters and counts over many items.
// Never stored: every read compares the deadline in force with the time of the request.
import { and, asc, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import type { IssueStatus } from '@/lib/enums';
import type { CalendarDay } from '@/lib/work-calendar';
import type { Db } from '../../client';
import { issues, workCalendarDays } from '../../schema';

/**
 * The open items in two groups: not yet with a unit, and in work (every 超期 and 即将到期 item is in work).
 * A count or list over one group names its statuses, so that it reads the group's partial indexes
 * (issues_intake_idx; issues_open_status_idx and issues_open_idx), never every item's table row.
 */
export type OpenItemGroup = 'intake' | 'work';
export const OPEN_ITEM_GROUPS: Record<OpenItemGroup, readonly IssueStatus[]> = { intake: ['pending', 'accepted'], work: ['assigned', 'fixing', 'planned', 'verifying'] };

/** A condition on items of one group, with the group's statuses as a condition of their own (see above). */
export function withinGroup(group: OpenItemGroup, condition: SQL): SQL {
  return and(inArray(issues.status, [...OPEN_ITEM_GROUPS[group]]), condition)!;
}

/** The last instant of a date column's city day (lib/work-calendar cityDayEnd). */
export const cityDayEndSql = (day: SQL | AnyColumn) => sql`((${day} + 1)::timestamp at time zone 'Asia/Shanghai' - interval '1 millisecond')`;

/** The deadline in force (lib/ledger-workflow effectiveDeadline): the plan's date once planned, else the assignment's. */
export const effectiveDeadlineSql = sql`coalesce(${cityDayEndSql(issues.plannedDate)}, ${issues.deadlineAt})`;

const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/**
 * An item in work whose deadline in force has passed by `now` (effectiveDeadlineSql < now), written without
 * turning each row's planned day into an instant (a time-zone conversion per row, most of the cost of
 * counting thousands of open items): a plan's deadline is the last millisecond of its city day, which has
 * passed exactly when that day is before the city day of `now` (a whole millisecond, as every Date is).
 */
export function pastDeadlineSql(now: Date): SQL {
  return sql`((${issues.plannedDate} is null and ${issues.deadlineAt} < ${at(now)}) or ${issues.plannedDate} < ${cityDay(now)}::date)`;
}

/** An open item past its deadline (overdueState 'overdue'). */
export function overdueSql(now: Date): SQL {
  return sql`((${issues.status} in ('assigned', 'fixing', 'planned') and ${pastDeadlineSql(now)}) or (${issues.status} = 'verifying' and ${issues.submittedAt} > ${effectiveDeadlineSql}))`;
}

/**
 * With its unit, not overdue, and due by `dueBy` (the end of DUE_SOON_WORKING_DAYS working days from now):
 * now <= effectiveDeadlineSql <= dueBy, written as pastDeadlineSql is, without a time-zone conversion per
 * row. A plan's deadline, the end of its city day d, is at or after `now` exactly when d is not before the
 * city day of `now`, and at or before `dueBy` exactly when d is before the city day of the next millisecond.
 */
export function dueSoonSql(now: Date, dueBy: Date): SQL {
  const dayAfterDueBy = sql`${cityDay(new Date(dueBy.getTime() + 1))}::date`;
  return sql`(${issues.status} in ('assigned', 'fixing', 'planned') and ((${issues.plannedDate} is null and ${issues.deadlineAt} >= ${at(now)} and ${issues.deadlineAt} <= ${at(dueBy)}) or (${issues.plannedDate} >= ${cityDay(now)}::date and ${issues.plannedDate} < ${dayAfterDueBy})))`;
}

/** Every 法定节假日 and 调休 workday of the calendar (a deadline may cross a year's end). */
export async function loadCalendar(db: Db): Promise<CalendarDay[]> {
  return db.select({ date: workCalendarDays.date, kind: workCalendarDays.kind }).from(workCalendarDays).orderBy(asc(workCalendarDays.date));
}
