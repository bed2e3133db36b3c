// A unit's figures (/units/<id>, /units) counted by the database in one aggregate over the unit's public
// items (the statuses of publicIssues() in ./ledger), never by loading the items: lib/unit-stats
// unitCounts is the same count in JS (the reference the tests compare with). The items are those first
// assigned within the period to the unit holding them now (issues.unit_assigned_at, kept with each
// assignment), read by an index-only scan of issues_unit_figures_idx. 超期 is computed here from the
// deadline in force and the time of the request, as everywhere: never stored.
// Instants are compared at whole milliseconds, as JS Dates hold them, so both counts agree to the item.
import { inArray, sql } from 'drizzle-orm';
import { PUBLIC_ISSUE_STATUSES } from '@/lib/enums';
import type { PeriodRange, UnitCounts } from '@/lib/unit-stats';
import type { Db } from '../../client';
import { issues } from '../../schema';
import { cityDayEndSql } from './deadlines';

const ms = (column: unknown) => sql`date_trunc('milliseconds', ${column})`;

/** The deadline in force (lib/ledger-workflow effectiveDeadline), at whole milliseconds. */
const deadline = sql`coalesce(${cityDayEndSql(issues.plannedDate)}, ${ms(issues.deadlineAt)})`;
const closed = sql`(${issues.status} = 'closed' and ${issues.closedAt} is not null)`;
/** Closed after the deadline (overdueState 'closed_late'): the last submission, else the closure, past it. */
const closedLate = sql`(${ms(sql`coalesce(${issues.submittedAt}, ${issues.closedAt})`)} > ${deadline})`;
/** First assignment to closure (an interval between whole milliseconds: Date#getTime differences). */
const duration = sql`${ms(issues.closedAt)} - ${ms(issues.unitAssignedAt)}`;
/**
 * Both middles of the closed items' durations from one sort: percentile_disc(f) picks the value at position
 * ceil(f * n), never interpolating, and skips the nulls of items not closed. 0.5 gives the lower middle
 * (the middle for an odd n); 0.5 + 1e-9 gives position n/2 + 1 for an even n and the middle again for an
 * odd one (n * 1e-9 stays below 0.5 for any n below 500 million).
 */
const middles = sql`percentile_disc(array[0.5, 0.500000001]) within group (order by case when ${closed} then ${duration} end)`;

/** An open item past its deadline now (overdueState 'overdue'). */
const overdueNow = (now: Date) =>
  sql`((${issues.status} in ('assigned', 'fixing', 'planned') and ${deadline} < ${now.toISOString()}::timestamptz) or (${issues.status} = 'verifying' and ${ms(issues.submittedAt)} > ${deadline}))`;

type Row = {
  unit_id: number;
  assigned: number;
  closed: number;
  on_time: number;
  overdue_now: number;
  reopened: number;
  reopen_base: number;
  rated: number;
  satisfied: number;
  median_low: number | null;
  median_high: number | null;
};

/**
 * The counts behind the figures of one unit, or of every unit (unitId null), over a period: the unit's
 * public items first assigned to it within the period. Units without such items are absent from the map.
 */
export async function unitFigureCounts(db: Db, unitId: number | null, range: PeriodRange, now: Date): Promise<Map<number, UnitCounts>> {
  const inRange = range
    ? sql`and ${issues.unitAssignedAt} >= ${`${range.from}T00:00:00+08:00`}::timestamptz and ${issues.unitAssignedAt} < ${`${range.to}T00:00:00+08:00`}::timestamptz`
    : sql`and ${issues.unitAssignedAt} is not null`;
  const ofUnit = unitId === null ? sql`${issues.unitId} is not null` : sql`${issues.unitId} = ${unitId}`;
  const result = await db.execute<Row>(sql`
    select ${issues.unitId} as unit_id,
      count(*)::int as assigned,
      count(*) filter (where ${closed})::int as closed,
      count(*) filter (where ${closed} and ${closedLate} is not true)::int as on_time,
      count(*) filter (where ${overdueNow(now)})::int as overdue_now,
      count(*) filter (where ${issues.reopenCount} > 0)::int as reopened,
      count(*) filter (where ${issues.reopenCount} > 0 or ${closed})::int as reopen_base,
      count(${issues.rating})::int as rated,
      count(*) filter (where ${issues.rating} in ('满意', '基本满意'))::int as satisfied,
      (extract(epoch from (${middles})[1]) * 1000)::float8 as median_low,
      (extract(epoch from (${middles})[2]) * 1000)::float8 as median_high
    from ${issues}
    where ${ofUnit} ${inRange} and ${inArray(issues.status, [...PUBLIC_ISSUE_STATUSES])}
    group by ${issues.unitId}`);
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return new Map(
    result.rows.map((r) => [
      Number(r.unit_id),
      {
        assigned: Number(r.assigned),
        closed: Number(r.closed),
        onTime: Number(r.on_time),
        overdueNow: Number(r.overdue_now),
        reopened: Number(r.reopened),
        reopenBase: Number(r.reopen_base),
        rated: Number(r.rated),
        satisfied: Number(r.satisfied),
        medianLowMs: num(r.median_low),
        medianHighMs: num(r.median_high),
      },
    ]),
  );
}
