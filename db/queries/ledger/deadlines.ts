// 超期 in SQL: the same rule as lib/ledger-workflow overdueState, for filters and counts over many items.
// Never stored: every read compares the deadline in force with the time of the request.
import { asc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import type { CalendarDay } from '@/lib/work-calendar';
import type { Db } from '../../client';
import { issues, workCalendarDays } from '../../schema';

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

/** With its unit, not overdue, and due by `dueBy` (the end of DUE_SOON_WORKING_DAYS working days from now). */
export function dueSoonSql(now: Date, dueBy: Date): SQL {
  return sql`(${issues.status} in ('assigned', 'fixing', 'planned') and ${effectiveDeadlineSql} >= ${at(now)} and ${effectiveDeadlineSql} <= ${at(dueBy)})`;
}

/** Every 法定节假日 and 调休 workday of the calendar (a deadline may cross a year's end). */
export async function loadCalendar(db: Db): Promise<CalendarDay[]> {
  return db.select({ date: workCalendarDays.date, kind: workCalendarDays.kind }).from(workCalendarDays).orderBy(asc(workCalendarDays.date));
}
