// A unit's figures (/units/<id>, /units) from the database in one statement, never by loading the items:
// lib/unit-stats unitCounts is the same count in JS (the reference the tests compare with). The items are
// the unit's public items (the statuses of publicIssues() in ./ledger) first assigned to it within the
// period (issues.unit_assigned_at, kept with each assignment). Three parts, all from one snapshot:
// - the counts that do not depend on the time of the request, summed over the period's months from
//   unit_month_figures (kept by a trigger on issues in the writer's transaction: migration 0016);
// - 超期, computed from the deadline in force and the time of the request, as everywhere (never stored):
//   an index-only count over the unit's open items (issues_open_status_idx), in the cheap form of
//   ./deadlines pastDeadlineSql (exact: against a whole-millisecond now, deadline_at is past whether
//   truncated to milliseconds or not, and a plan's deadline is past exactly when its day is before today);
// - the median days to close, exact: the one or two middle durations read at their position n/2 (n, the
//   closed count, from the summary) in the unit's closed items ordered by duration (issues_unit_durations_idx,
//   the period's items picked on the way), or, for a short period of a unit with many closed items,
//   sorted from the period's items alone.
// Instants are compared at whole milliseconds, as JS Dates hold them, so both counts agree to the item.
import { sql } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import type { PeriodRange, UnitCounts } from '@/lib/unit-stats';
import type { Db } from '../../client';

/** First assignment to closure, at whole milliseconds (Date#getTime differences): issues_unit_durations_idx's expression. */
const DURATION_SQL = `(date_trunc('milliseconds', i.closed_at at time zone 'UTC') - date_trunc('milliseconds', i.unit_assigned_at at time zone 'UTC'))`;
const DURATION = sql.raw(DURATION_SQL);
/** The deadline in force (lib/ledger-workflow effectiveDeadline, ./deadlines effectiveDeadlineSql), at whole milliseconds. */
const DEADLINE = sql.raw(`coalesce(((i.planned_date + 1)::timestamp at time zone 'Asia/Shanghai' - interval '1 millisecond'), date_trunc('milliseconds', i.deadline_at))`);
/**
 * Both middles from one sort: percentile_disc(f) picks the value at position ceil(f * n), never
 * interpolating. 0.5 gives the lower middle (the middle for an odd n); 0.5 + 1e-9 gives position n/2 + 1 for
 * an even n and the middle again for an odd one (n * 1e-9 stays below 0.5 for any n below 500 million).
 */
const BOTH_MIDDLES = sql.raw(`percentile_disc(array[0.5, 0.500000001]) within group (order by ${DURATION_SQL})`);
/** issues_unit_durations_idx's predicate: the closed items the median is taken over. */
const CLOSED = sql.raw(`i.status = 'closed' and i.closed_at is not null and i.unit_assigned_at is not null`);

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
  // Periods are whole city months ('yyyy-mm-01' to 'yyyy-mm-01'): the summary's months, and the items' instants.
  const inMonths = range ? sql`f.month >= ${range.from}::date and f.month < ${range.to}::date` : sql`true`;
  const assignedIn = range
    ? sql`i.unit_assigned_at >= ${`${range.from}T00:00:00+08:00`}::timestamptz and i.unit_assigned_at < ${`${range.to}T00:00:00+08:00`}::timestamptz`
    : sql`i.unit_assigned_at is not null`;
  const ofUnit = (alias: 'f' | 'i') => (unitId === null ? sql.raw(`${alias}.unit_id is not null`) : sql`${sql.raw(alias)}.unit_id = ${unitId}`);
  const at = sql`${now.toISOString()}::timestamptz`;
  const sum = (column: string) => sql`coalesce(sum(${sql.raw(column)}) filter (where ${inMonths}), 0)::int`;
  // The middles' positions (0-based): ceil(n/2) - 1, and one or two values for an odd or even n.
  const middles = (where: ReturnType<typeof sql>) => sql`
    select (extract(epoch from min(mid.d)) * 1000)::float8 as median_low, (extract(epoch from max(mid.d)) * 1000)::float8 as median_high
    from (select ${DURATION} as d from issues i where ${where}
          order by 1 offset greatest((f.closed + 1) / 2 - 1, 0) limit 2 - f.closed % 2) mid`;
  const result = await db.execute<Row>(sql`
    with f as (
      select f.unit_id, ${sum('f.assigned')} as assigned, ${sum('f.closed')} as closed, ${sum('f.on_time')} as on_time,
        ${sum('f.reopened')} as reopened, ${sum('f.reopen_base')} as reopen_base, ${sum('f.rated')} as rated,
        ${sum('f.satisfied')} as satisfied, coalesce(sum(f.closed), 0)::int as closed_all
      from unit_month_figures f
      where ${ofUnit('f')}
      group by f.unit_id
    ), o as (
      select i.unit_id, count(*)::int as overdue_now
      from issues i
      where i.status in ('assigned', 'fixing', 'planned', 'verifying') and ${ofUnit('i')} and ${assignedIn}
        and ((i.status <> 'verifying' and ((i.planned_date is null and i.deadline_at < ${at}) or i.planned_date < ${cityDay(now)}::date))
          or (i.status = 'verifying' and date_trunc('milliseconds', i.submitted_at) > ${DEADLINE}))
      group by i.unit_id
    )
    select f.unit_id, f.assigned, f.closed, f.on_time, coalesce(o.overdue_now, 0)::int as overdue_now, f.reopened, f.reopen_base,
      f.rated, f.satisfied, coalesce(walk.median_low, sorted.median_low) as median_low, coalesce(walk.median_high, sorted.median_high) as median_high
    from f
    left join o on o.unit_id = f.unit_id
    -- Walking the unit's closed items by duration reads about half of all of them (closed_all / 2), cheap
    -- index entries; sorting a period's items costs several times more per item (the durations are
    -- computed and compared as intervals): only a period with under a tenth of closed_all is sorted.
    left join lateral (${middles(sql`f.closed > 0 and f.assigned * 10 >= f.closed_all and i.unit_id = f.unit_id and ${CLOSED} and ${assignedIn}`)}) walk on true
    left join lateral (
      select (extract(epoch from m[1]) * 1000)::float8 as median_low, (extract(epoch from m[2]) * 1000)::float8 as median_high
      from (select ${BOTH_MIDDLES} as m from issues i
            where f.closed > 0 and f.assigned * 10 < f.closed_all and i.unit_id = f.unit_id and ${assignedIn} and ${CLOSED}) s
    ) sorted on true
    where f.assigned > 0`);
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
