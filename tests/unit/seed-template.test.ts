// The demo text generator's figures: approximate numbers (…余) are round, as reports write them.
import { describe, expect, it } from 'vitest';
import { fill, roughNumber } from '@/db/seed/template';

describe('roughNumber', () => {
  it('keeps two significant digits, rounding down, and writes 万 from ten thousand', () => {
    expect(roughNumber(10454)).toBe('1万');
    expect(roughNumber(12954)).toBe('1.2万');
    expect(roughNumber(5582)).toBe('5500');
    expect(roughNumber(651)).toBe('650');
    expect(roughNumber(46)).toBe('40');
    expect(roughNumber(7)).toBe('7');
  });
});

describe('fill', () => {
  it('rounds a figure followed by 余 and leaves exact figures exact', () => {
    expect(fill('服务{n}余人次，其中{m}人次', { n: 10454, m: 651 })).toBe('服务1万余人次，其中651人次');
    expect(fill('惠及{n}余户', { n: 651 })).toBe('惠及650余户');
  });
  it('throws for a slot without a value', () => {
    expect(() => fill('{missing}', {})).toThrow(/missing/);
  });
});
