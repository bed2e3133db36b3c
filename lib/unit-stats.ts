// A unit's figures for /units and 督查通报, computed from its items' facts (first assignment to the unit,
// submissions, closure, reopenings, rating) over a period. Rates are given only from MIN_ITEMS_FOR_RATES
// items up: a 100% of two items says nothing.
import type { Rating } from './enums';
import { overdueState, type DeadlineSnapshot } from './ledger-workflow';

export const MIN_ITEMS_FOR_RATES = 10;

/** One item assigned to the unit: when first, and how it has gone since. */
export type UnitStatsItem = DeadlineSnapshot & {
  /** The first assignment of the item to this unit. */
  assignedAt: Date;
  /** Sent back after verification (退回重办) or reopened by the reporter (不满意) at least once. */
  reopened: boolean;
  rating: Rating | null;
};

export type UnitStats = {
  assigned: number;
  closed: number;
  onTime: number;
  overdueNow: number;
  /** Days from the first assignment to closure, median over closed items (one decimal); null without any. */
  medianDaysToClose: number | null;
  /** closed / assigned. */
  closeRate: number | null;
  /** onTime / closed. */
  onTimeRate: number | null;
  /** reopened / (closed or reopened). */
  reopenRate: number | null;
  /** (满意 + 基本满意) / rated. */
  satisfaction: number | null;
  rated: number;
};

/** 'all', 'yyyy', 'yyyy-mm' or 'yyyy-Qn': the days [from, to) of a period, or null for all time. */
export type PeriodRange = { from: string; to: string } | null;

export function parsePeriod(period: string): PeriodRange | undefined {
  if (period === 'all' || period === '') return null;
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: `${m[1]}-01-01`, to: `${Number(m[1]) + 1}-01-01` };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { from: `${m[1]}-${m[2]}-01`, to: mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { from: `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01` };
  }
  return undefined;
}

const DAY = 86_400_000;

const rate = (part: number, whole: number) => (whole >= MIN_ITEMS_FOR_RATES ? Math.round((part / whole) * 1000) / 1000 : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** The figures of the items a unit got (first assigned within the period: the caller selects them). */
export function unitStats(items: readonly UnitStatsItem[], now: Date): UnitStats {
  const closedItems = items.filter((i) => i.status === 'closed' && i.closedAt);
  const onTime = closedItems.filter((i) => overdueState(i, now) !== 'closed_late').length;
  const overdueNow = items.filter((i) => overdueState(i, now) === 'overdue').length;
  const reopened = items.filter((i) => i.reopened).length;
  const reopenBase = items.filter((i) => i.reopened || (i.status === 'closed' && i.closedAt)).length;
  const rated = items.filter((i) => i.rating !== null);
  const satisfied = rated.filter((i) => i.rating === '满意' || i.rating === '基本满意').length;
  return {
    assigned: items.length,
    closed: closedItems.length,
    onTime,
    overdueNow,
    medianDaysToClose: median(closedItems.map((i) => (i.closedAt!.getTime() - i.assignedAt.getTime()) / DAY)),
    closeRate: rate(closedItems.length, items.length),
    onTimeRate: rate(onTime, closedItems.length),
    reopenRate: rate(reopened, reopenBase),
    satisfaction: rate(satisfied, rated.length),
    rated: rated.length,
  };
}
