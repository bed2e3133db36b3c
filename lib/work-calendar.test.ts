import { describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, cityDayEnd, isWorkingDay, nthWorkingDayAfter, workingDaysBetween, type CalendarDay } from './work-calendar';

// The National Day break of 2026 as the calendar holds it: 1-7 October off, Sun 20 Sep and Sat 10 Oct worked.
const DAYS: CalendarDay[] = [
  { date: '2026-09-20', kind: 'workday' },
  ...['01', '02', '03', '04', '05', '06', '07'].map((d): CalendarDay => ({ date: `2026-10-${d}`, kind: 'holiday' })),
  { date: '2026-10-10', kind: 'workday' },
];
const t = (local: string) => new Date(`${local}+08:00`);

describe('the working-day calendar', () => {
  it('treats weekdays as working days and weekends as off, except holidays and 调休 workdays', () => {
    expect(isWorkingDay('2026-09-29', DAYS)).toBe(true); // Tuesday
    expect(isWorkingDay('2026-09-19', DAYS)).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-20', DAYS)).toBe(true); // Sunday, worked
    expect(isWorkingDay('2026-10-01', DAYS)).toBe(false); // Thursday, holiday
    expect(isWorkingDay('2026-10-10', DAYS)).toBe(true); // Saturday, worked
    expect(isWorkingDay('2026-10-11', DAYS)).toBe(false);
  });

  it('counts a deadline from the day after assignment to the end of the n-th working day', () => {
    // Assigned on Wednesday 30 Sep: the holiday is skipped; 8, 9 and Saturday 10 Oct count.
    expect(nthWorkingDayAfter(t('2026-09-30T10:00:00'), 3, DAYS)).toBe('2026-10-10');
    expect(addWorkingDays(t('2026-09-30T10:00:00'), 3, DAYS).toISOString()).toBe(t('2026-10-10T23:59:59.999').toISOString());
    // An ordinary Friday: Monday is the first working day.
    expect(nthWorkingDayAfter(t('2026-11-06T17:00:00'), 1, DAYS)).toBe('2026-11-09');
    // Late in the evening UTC is already the next city day.
    expect(nthWorkingDayAfter(new Date('2026-11-05T17:30:00Z'), 1, DAYS)).toBe('2026-11-09');
    expect(cityDayEnd('2026-11-09').toISOString()).toBe('2026-11-09T15:59:59.999Z');
  });

  it('counts urgent hours in working days only', () => {
    // Friday 15:00 + 12 h: 9 h on Friday, 3 h on Monday.
    expect(addWorkingHours(t('2026-11-06T15:00:00'), 12, DAYS).toISOString()).toBe(t('2026-11-09T03:00:00').toISOString());
    // Within one day.
    expect(addWorkingHours(t('2026-11-04T08:00:00'), 4, DAYS).toISOString()).toBe(t('2026-11-04T12:00:00').toISOString());
    // Across the whole National Day break.
    expect(addWorkingHours(t('2026-09-30T20:00:00'), 24, DAYS).toISOString()).toBe(t('2026-10-08T20:00:00').toISOString());
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(t('2026-09-30T10:00:00'), t('2026-10-10T10:00:00'), DAYS)).toBe(3);
    expect(workingDaysBetween('2026-11-02', '2026-11-02', DAYS)).toBe(0);
    expect(workingDaysBetween('2026-11-06', '2026-11-02', DAYS)).toBe(0);
  });
});
