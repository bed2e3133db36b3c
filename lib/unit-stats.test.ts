import { describe, expect, it } from 'vitest';
import { MIN_ITEMS_FOR_RATES, NO_ITEMS, parsePeriod, statsFromCounts, unitCounts, unitStats, type UnitStatsItem } from './unit-stats';

const t = (local: string) => new Date(`${local}+08:00`);
const NOW = t('2026-11-20T12:00:00');

function item(over: Partial<UnitStatsItem>): UnitStatsItem {
  return { status: 'fixing', assignedAt: t('2026-11-02T10:00:00'), deadlineAt: t('2026-11-09T23:59:59.999'), plannedDate: null, submittedAt: null, closedAt: null, reopened: false, rating: null, ...over };
}

describe('unit statistics', () => {
  it('counts assigned, closed, on time and overdue now, with the median days to close', () => {
    const stats = unitStats(
      [
        item({ status: 'closed', submittedAt: t('2026-11-05T10:00:00'), closedAt: t('2026-11-06T10:00:00'), rating: '满意' }),
        item({ status: 'closed', submittedAt: t('2026-11-12T10:00:00'), closedAt: t('2026-11-12T10:00:00'), rating: '不满意', reopened: true }),
        item({ status: 'fixing' }),
        item({ status: 'assigned', deadlineAt: t('2026-11-30T23:59:59.999') }),
      ],
      NOW,
    );
    expect(stats).toMatchObject({ assigned: 4, closed: 2, onTime: 1, overdueNow: 1, medianDaysToClose: 7, rated: 2 });
    // Below 10 items no rate is given.
    expect([stats.closeRate, stats.onTimeRate, stats.reopenRate, stats.satisfaction]).toEqual([null, null, null, null]);
  });

  it('gives rates from 10 items up', () => {
    const closed = Array.from({ length: MIN_ITEMS_FOR_RATES }, (_, i) =>
      item({ status: 'closed', submittedAt: t('2026-11-05T10:00:00'), closedAt: t('2026-11-06T10:00:00'), rating: i < 8 ? '满意' : i === 8 ? '基本满意' : '不满意', reopened: i === 0 }),
    );
    const stats = unitStats([...closed, item({ status: 'fixing' })], NOW);
    expect(stats).toMatchObject({ assigned: 11, closed: 10, closeRate: 0.909, onTimeRate: 1, reopenRate: 0.1, satisfaction: 0.9 });
    expect(unitStats([], NOW)).toMatchObject({ assigned: 0, medianDaysToClose: null, closeRate: null });
  });

  it('gives the counts the database computes: the two middle durations, and the same figures from them', () => {
    const closedAfter = (hours: number) => item({ status: 'closed', submittedAt: t('2026-11-03T10:00:00'), closedAt: new Date(t('2026-11-02T10:00:00').getTime() + hours * 3_600_000) });
    const items = [closedAfter(30), closedAfter(6), closedAfter(54), closedAfter(12), item({ status: 'fixing', reopened: true })];
    const counts = unitCounts(items, NOW);
    expect(counts).toMatchObject({ assigned: 5, closed: 4, reopened: 1, reopenBase: 5, medianLowMs: 12 * 3_600_000, medianHighMs: 30 * 3_600_000 });
    // (0.5 + 1.25) / 2 days.
    expect(statsFromCounts(counts)).toEqual(unitStats(items, NOW));
    expect(unitStats(items, NOW).medianDaysToClose).toBe(0.9);
    // An odd number: both middles are the middle one.
    expect(unitCounts(items.slice(0, 3), NOW)).toMatchObject({ medianLowMs: 30 * 3_600_000, medianHighMs: 30 * 3_600_000 });
    expect(statsFromCounts(NO_ITEMS)).toEqual(unitStats([], NOW));
  });

  it('reads periods', () => {
    expect(parsePeriod('all')).toBeNull();
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(parsePeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(parsePeriod('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-07-01' });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('x')).toBeUndefined();
  });
});
