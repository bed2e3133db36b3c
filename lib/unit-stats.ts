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

/**
 * What a unit's figures are made of: counts, and the two middle durations (first assignment to closure, in
 * whole milliseconds) of its closed items. The database computes these in one aggregate
 * (db/queries/ledger/unit-figures.ts); unitStats() computes them from the items, as the reference.
 */
export type UnitCounts = {
  assigned: number;
  closed: number;
  onTime: number;
  overdueNow: number;
  reopened: number;
  /** Items reopened or closed: the base of the reopen rate. */
  reopenBase: number;
  rated: number;
  satisfied: number;
  /** The lower and upper middle of the sorted durations (the same value for an odd number); null without closed items. */
  medianLowMs: number | null;
  medianHighMs: number | null;
};

/** The median in days (one decimal) from the middle durations: the mean of the two middles for an even number. */
function medianDays(counts: Pick<UnitCounts, 'closed' | 'medianLowMs' | 'medianHighMs'>): number | null {
  if (counts.closed === 0 || counts.medianLowMs === null || counts.medianHighMs === null) return null;
  const m = counts.closed % 2 ? counts.medianLowMs / DAY : (counts.medianLowMs / DAY + counts.medianHighMs / DAY) / 2;
  return Math.round(m * 10) / 10;
}

/** The figures from their counts. */
export function statsFromCounts(c: UnitCounts): UnitStats {
  return {
    assigned: c.assigned,
    closed: c.closed,
    onTime: c.onTime,
    overdueNow: c.overdueNow,
    medianDaysToClose: medianDays(c),
    closeRate: rate(c.closed, c.assigned),
    onTimeRate: rate(c.onTime, c.closed),
    reopenRate: rate(c.reopened, c.reopenBase),
    satisfaction: rate(c.satisfied, c.rated),
    rated: c.rated,
  };
}

export const NO_ITEMS: UnitCounts = { assigned: 0, closed: 0, onTime: 0, overdueNow: 0, reopened: 0, reopenBase: 0, rated: 0, satisfied: 0, medianLowMs: null, medianHighMs: null };

/** The counts of the items a unit got (first assigned within the period: the caller selects them). */
export function unitCounts(items: readonly UnitStatsItem[], now: Date): UnitCounts {
  const closedItems = items.filter((i) => i.status === 'closed' && i.closedAt);
  const rated = items.filter((i) => i.rating !== null);
  const durations = closedItems.map((i) => i.closedAt!.getTime() - i.assignedAt.getTime()).sort((a, b) => a - b);
  const n = durations.length;
  return {
    assigned: items.length,
    closed: n,
    onTime: closedItems.filter((i) => overdueState(i, now) !== 'closed_late').length,
    overdueNow: items.filter((i) => overdueState(i, now) === 'overdue').length,
    reopened: items.filter((i) => i.reopened).length,
    reopenBase: items.filter((i) => i.reopened || (i.status === 'closed' && i.closedAt)).length,
    rated: rated.length,
    satisfied: rated.filter((i) => i.rating === '满意' || i.rating === '基本满意').length,
    medianLowMs: n ? durations[Math.ceil(n / 2) - 1]! : null,
    medianHighMs: n ? durations[Math.floor(n / 2)]! : null,
  };
}

/** The figures of the items a unit got (first assigned within the period: the caller selects them). */
export function unitStats(items: readonly UnitStatsItem[], now: Date): UnitStats {
  return statsFromCounts(unitCounts(items, now));
}
