import { describe, expect, it } from 'vitest';
import { roundCoordinate, publicPosition, isValidPosition } from './geo';
import { formatIssueNo, isIssueNo, normalizeIssueNo, parseIssueNo } from './ledger-number';
import { hammingDistance, isSamePhoto } from './photo-hash';

describe('item numbers', () => {
  it('formats and parses ZG-YYYY-NNNNNN', () => {
    expect(formatIssueNo(2026, 123)).toBe('ZG-2026-000123');
    expect(parseIssueNo('ZG-2026-000123')).toEqual({ year: 2026, seq: 123 });
    expect(parseIssueNo(' ｚｇ－２０２６－０００１２３ ')).toEqual({ year: 2026, seq: 123 });
    expect(normalizeIssueNo('zg-2026-000001')).toBe('ZG-2026-000001');
    expect(isIssueNo('ZG-2026-000000')).toBe(false);
    expect(isIssueNo('ZG-2026-12345')).toBe(false);
    expect(isIssueNo('YS20261123-7KQ4M9')).toBe(false);
  });
});

describe('public positions', () => {
  it('round to three decimals (about 100 m)', () => {
    expect(roundCoordinate(30.567891)).toBe(30.568);
    expect(roundCoordinate(114.3014)).toBe(114.301);
    expect(publicPosition(30.567891, 114.301234)).toEqual({ publicLat: 30.568, publicLng: 114.301 });
    expect(publicPosition(null, 114.3)).toEqual({ publicLat: null, publicLng: null });
    expect(isValidPosition(91, 0)).toBe(false);
    expect(isValidPosition(Number.NaN, 0)).toBe(false);
  });
});

describe('photo hashes', () => {
  it('count differing bits, and take up to 6 for the same photo', () => {
    expect(hammingDistance('ffff0000ffff0000', 'ffff0000ffff0000')).toBe(0);
    expect(hammingDistance('ffff0000ffff0000', 'ffff0000ffff0003')).toBe(2);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('xyz', '0000000000000000')).toBe(64);
    expect(isSamePhoto('0000000000000000', '000000000000003f')).toBe(true);
    expect(isSamePhoto('0000000000000000', '000000000000007f')).toBe(false);
  });
});
