// The audit log's filters, read from a query string by both the page and the CSV export so they agree.
import type { AuditFilter } from '@/db/queries/audit';
import { addDays } from '@/lib/dates';

export const FILTER_NAMES = ['actor', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type FilterValues = Record<FilterName, string>;

export const FILTER_LABELS: Record<FilterName, string> = { actor: '操作人', action: '操作类型', entityType: '对象类型', entityId: '对象ID', from: '开始日期', to: '结束日期' };

const MAX_LENGTH: Record<FilterName, number> = { actor: 50, action: 60, entityType: 40, entityId: 60, from: 10, to: 10 };

/** yyyy-mm-dd that names a real calendar day (2026-02-30 is refused). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1970 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The instant a city day begins. Asia/Shanghai has kept UTC+8 without daylight saving since 1991,
 * so a fixed offset is exact for every day the portal can have logged.
 */
export function cityDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * Filter values as typed (for the form and links), the query filter, and Chinese messages for values
 * that cannot be used. With any message the caller shows the messages instead of unfiltered rows.
 */
export function parseAuditFilter(read: (name: FilterName) => string | null | undefined): {
  values: FilterValues;
  filter: AuditFilter;
  errors: Partial<Record<FilterName, string>>;
} {
  const values = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, (read(name) ?? '').replace(/\p{Cc}/gu, '').trim()]),
  ) as FilterValues;
  const errors: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    if (Array.from(values[name]).length > MAX_LENGTH[name]) errors[name] = `不能超过${MAX_LENGTH[name]}个字`;
  }
  for (const name of ['from', 'to'] as const) {
    if (values[name] && !errors[name] && !isCalendarDay(values[name])) errors[name] = '请按“年-月-日”填写有效日期，例如 2026-03-01';
  }
  if (values.from && values.to && !errors.from && !errors.to && values.from > values.to) errors.to = '结束日期不能早于开始日期';

  const filter: AuditFilter = {};
  if (values.actor) filter.actor = values.actor;
  if (values.action) filter.action = values.action;
  if (values.entityType) filter.entityType = values.entityType;
  if (values.entityId) filter.entityId = values.entityId;
  if (values.from && !errors.from) filter.from = cityDayStart(values.from);
  // The end date is inclusive for people: everything before the next day begins.
  if (values.to && !errors.to) filter.to = cityDayStart(addDays(values.to, 1));
  return { values, filter, errors };
}

/** Reads a Next.js searchParams object (the first value of a repeated parameter). */
export function fromSearchParams(params: Record<string, string | string[] | undefined>) {
  return (name: FilterName) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** The query string of the non-empty filters, plus extra parameters such as the page. */
export function filterQuery(values: FilterValues, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (values[name]) query.set(name, values[name]);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}
