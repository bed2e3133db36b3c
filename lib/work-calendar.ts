// Working-day arithmetic for deadlines: weekends are off and weekdays on, except the calendar's 法定节假日
// (off) and 调休 workdays (on), kept per date in settings (work_calendar_days). Days are 'yyyy-mm-dd' in
// the city's time zone (Asia/Shanghai, UTC+8 all year: China has no daylight saving time).
import { addDays, cityDay } from './dates';
import type { CalendarDayKind } from './enums';

export type CalendarDay = { date: string; kind: CalendarDayKind };

const CITY_OFFSET = '+08:00';
const HOUR = 3_600_000;

const lookups = new WeakMap<readonly CalendarDay[], ReadonlyMap<string, CalendarDayKind>>();

function lookup(days: readonly CalendarDay[]): ReadonlyMap<string, CalendarDayKind> {
  let map = lookups.get(days);
  if (!map) {
    map = new Map(days.map((d) => [d.date, d.kind]));
    lookups.set(days, map);
  }
  return map;
}

/** The instant a city day starts (00:00 in Asia/Shanghai). */
export function cityDayStart(day: string): Date {
  return new Date(`${day}T00:00:00${CITY_OFFSET}`);
}

/** The last instant of a city day (23:59:59.999): a deadline "by the end of" that day. */
export function cityDayEnd(day: string): Date {
  return new Date(cityDayStart(addDays(day, 1)).getTime() - 1);
}

/** 0 = Sunday ... 6 = Saturday, of a 'yyyy-mm-dd' day. */
function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Whether staff work on this day: a 调休 workday or a weekday that is no holiday. */
export function isWorkingDay(date: string, days: readonly CalendarDay[]): boolean {
  const kind = lookup(days).get(date);
  if (kind === 'workday') return true;
  if (kind === 'holiday') return false;
  const w = weekday(date);
  return w !== 0 && w !== 6;
}

/** The n-th working day after the day of `start` (n >= 1), as 'yyyy-mm-dd'. */
export function nthWorkingDayAfter(start: Date | string, n: number, days: readonly CalendarDay[]): string {
  let day = typeof start === 'string' ? start : cityDay(start);
  let counted = 0;
  // Bounded: even a calendar of nothing but holidays cannot loop for ever.
  for (let guard = 0; counted < n && guard < 3660; guard += 1) {
    day = addDays(day, 1);
    if (isWorkingDay(day, days)) counted += 1;
  }
  return day;
}

/**
 * The deadline n working days after an assignment: the end of the n-th working day, counting from the
 * day after `start` (assigned on Friday with n = 1: Monday 23:59:59.999, or later across a holiday).
 */
export function addWorkingDays(start: Date, n: number, days: readonly CalendarDay[]): Date {
  return cityDayEnd(nthWorkingDayAfter(start, Math.max(1, Math.floor(n)), days));
}

/**
 * An urgent deadline: `hours` of working days' clock time from `start` (non-working days do not count;
 * assigned Friday 15:00 with 24 hours gives Monday 15:00 on an ordinary weekend).
 */
export function addWorkingHours(start: Date, hours: number, days: readonly CalendarDay[]): Date {
  let remaining = Math.max(0, hours) * HOUR;
  let cursor = start.getTime();
  for (let guard = 0; guard < 3660; guard += 1) {
    const day = cityDay(new Date(cursor));
    const next = cityDayStart(addDays(day, 1)).getTime();
    if (isWorkingDay(day, days)) {
      if (cursor + remaining <= next) return new Date(cursor + remaining);
      remaining -= next - cursor;
    }
    cursor = next;
  }
  return new Date(cursor);
}

/** Working days d with day(a) < d <= day(b); 0 when b is not after a. */
export function workingDaysBetween(a: Date | string, b: Date | string, days: readonly CalendarDay[]): number {
  const from = typeof a === 'string' ? a : cityDay(a);
  const to = typeof b === 'string' ? b : cityDay(b);
  let n = 0;
  for (let day = addDays(from, 1), guard = 0; day <= to && guard < 36600; day = addDays(day, 1), guard += 1) {
    if (isWorkingDay(day, days)) n += 1;
  }
  return n;
}

/** The calendar's entries of one year, sorted (for the settings page and its import lines). */
export function calendarYear(days: readonly CalendarDay[], year: number): CalendarDay[] {
  return days.filter((d) => d.date.startsWith(`${year}-`)).sort((x, y) => x.date.localeCompare(y.date));
}
