import { describe, expect, it } from 'vitest';
import { chineseNumber, filtersHref, hasFilters, paragraphsOf, parsePeopleFilters, termName } from './people-public';

describe('parsePeopleFilters', () => {
  it('keeps known categories, levels and plausible years', () => {
    expect(parsePeopleFilters({ category: '见义勇为', level: '道德模范', year: '2025' })).toEqual({ category: '见义勇为', level: '道德模范', year: 2025 });
  });

  it('drops unknown or odd values instead of passing them on', () => {
    expect(parsePeopleFilters({ category: '坏人', level: "'; drop table", year: '20250' })).toEqual({});
    expect(parsePeopleFilters({ year: '1850' })).toEqual({});
    expect(parsePeopleFilters({})).toEqual({});
  });

  it('takes the first of repeated parameters and trims', () => {
    expect(parsePeopleFilters({ category: [' 孝老爱亲 ', '助人为乐'] })).toEqual({ category: '孝老爱亲' });
  });
});

describe('filtersHref and hasFilters', () => {
  it('builds the list address, leaving out page 1', () => {
    expect(filtersHref({})).toBe('/good-people');
    expect(filtersHref({ category: '诚实守信', year: 2026 }, 1)).toBe(`/good-people?category=${encodeURIComponent('诚实守信')}&year=2026`);
    expect(filtersHref({ level: '市级好人' }, 3)).toBe(`/good-people?level=${encodeURIComponent('市级好人')}&page=3`);
  });

  it('says whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ year: 2026 })).toBe(true);
  });
});

describe('term names', () => {
  it('writes 届 numbers in Chinese', () => {
    expect(chineseNumber(5)).toBe('五');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(12)).toBe('十二');
    expect(chineseNumber(20)).toBe('二十');
    expect(chineseNumber(23)).toBe('二十三');
    expect(termName(5)).toBe('第五届');
    expect(termName(11)).toBe('第十一届');
  });
});

describe('paragraphsOf', () => {
  it('splits on line breaks and drops blank paragraphs', () => {
    expect(paragraphsOf('第一段。\r\n\r\n  第二段。\n第三段。\n\n\n')).toEqual(['第一段。', '第二段。', '第三段。']);
    expect(paragraphsOf('')).toEqual([]);
  });

  it('keeps markup as plain text (React escapes it when rendered)', () => {
    expect(paragraphsOf('<script>alert(1)</script>')).toEqual(['<script>alert(1)</script>']);
  });
});
