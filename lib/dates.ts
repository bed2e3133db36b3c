// Calendar arithmetic in the city's time zone; dates travel as 'yyyy-mm-dd' strings.

export const CITY_TIME_ZONE = 'Asia/Shanghai';

const dayFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of an instant in the city's time zone. */
export function cityDay(at: Date = new Date()): string {
  return dayFormatter.format(at);
}

/** Adds months to a yyyy-mm-dd day, clamping to the month's last day (2026-01-31 + 1 = 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const dateTimeFormatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-11-22 08:30 in the city's time zone. */
export function formatDateTime(at: Date): string {
  const parts = Object.fromEntries(dateTimeFormatter.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function formatDay(at: Date): string {
  return cityDay(at);
}
