// The public ledger's GET filters: parsed from the address (anything no list offers makes the page a
// 404), and written back into links (status counts, pagination) in one fixed order.
import { PUBLIC_ISSUE_STATUSES, type IssueStatus } from '@/lib/enums';

export type LedgerFilters = {
  status?: IssueStatus;
  categoryId?: number;
  unitId?: number;
  area?: string;
  overdue?: true;
  /** 'YYYY-MM': items submitted in that month (city time). */
  month?: string;
};

type Params = Record<string, string | string[] | undefined>;
type Known = { categories: readonly number[]; units: readonly number[]; areas: readonly string[]; today: string };

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** How many months back the month filter offers (and accepts). */
const MONTHS_BACK = 36;

/** The filters of the address, or null when one names something that does not exist. Empty values mean no condition. */
export function parseLedgerFilters(params: Params, known: Known): LedgerFilters | null {
  const filters: LedgerFilters = {};
  const status = one(params.status);
  if (status) {
    if (!(PUBLIC_ISSUE_STATUSES as readonly string[]).includes(status)) return null;
    filters.status = status as IssueStatus;
  }
  const category = one(params.category);
  if (category) {
    const id = Number(category);
    if (!/^\d{1,9}$/.test(category) || !known.categories.includes(id)) return null;
    filters.categoryId = id;
  }
  const unit = one(params.unit);
  if (unit) {
    const id = Number(unit);
    if (!/^\d{1,9}$/.test(unit) || !known.units.includes(id)) return null;
    filters.unitId = id;
  }
  const area = one(params.area);
  if (area) {
    if (!known.areas.includes(area)) return null;
    filters.area = area;
  }
  const overdue = one(params.overdue);
  if (overdue) {
    if (overdue !== '1') return null;
    filters.overdue = true;
  }
  const month = one(params.month);
  if (month) {
    if (!monthOptions(known.today).some((m) => m.value === month)) return null;
    filters.month = month;
  }
  return filters;
}

/** The ledger's address with these filters (and page). */
export function ledgerHref(filters: LedgerFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.categoryId) params.set('category', String(filters.categoryId));
  if (filters.unitId) params.set('unit', String(filters.unitId));
  if (filters.area) params.set('area', filters.area);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.month) params.set('month', filters.month);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/ledger?${qs}` : '/ledger';
}

/** This month and the MONTHS_BACK before it, newest first: `{ value: '2026-11', label: '2026年11月' }`. */
export function monthOptions(today: string): { value: string; label: string }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_BACK + 1 }, (_, i) => {
    const total = y * 12 + (m - 1) - i;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    return { value: `${year}-${String(month).padStart(2, '0')}`, label: `${year}年${month}月` };
  });
}
