import { describe, expect, it } from 'vitest';
import { addDays, addMonths, cityDay } from './dates';
import { isWithinPublication, publicationEndDate } from './periods';

describe('publication periods', () => {
  it('counts months from the decision date and ends the day before', () => {
    expect(publicationEndDate('2026-03-15', 12)).toBe('2027-03-14');
    expect(publicationEndDate('2026-04-01', 24)).toBe('2028-03-31');
  });

  it('clamps to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('shows an entry from its listed date up to and including its last day', () => {
    expect(isWithinPublication('2026-01-10', '2026-11-22', '2026-11-22')).toBe(true);
    expect(isWithinPublication('2026-01-10', '2026-11-21', '2026-11-22')).toBe(false);
    expect(isWithinPublication('2026-11-23', '2027-11-22', '2026-11-22')).toBe(false);
  });

  it('uses the city time zone for "today"', () => {
    // 2026-11-22 17:00 UTC is already 2026-11-23 01:00 in Beijing time.
    expect(cityDay(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
    expect(cityDay(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
  });
});
