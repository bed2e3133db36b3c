import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './mask';
import { describePii, findPii, isFullIdNumber, isOldIdNumber } from './pii-detect';

const kinds = (text: string) => findPii(text).map((h) => `${h.kind}:${h.value}`);

describe('findPii', () => {
  it('finds valid 18-character ID numbers wherever they sit in markup, JSON or a header', () => {
    expect(kinds('<td>420102197803151311</td>')).toEqual(['idNumber:420102197803151311']);
    expect(kinds('{"idNumber":"11010519491231002X"}')).toEqual(['idNumber:11010519491231002X']);
    expect(kinds('身份证号440524188001010014。')).toEqual(['idNumber:440524188001010014']);
    expect(kinds('x-debug: 11010519491231002x')).toEqual(['idNumber:11010519491231002x']);
    expect(kinds('/credit?q=420102197803151311&page=2')).toEqual(['idNumber:420102197803151311']);
  });

  it('ignores 18-digit numbers that are not ID numbers, and masked ones', () => {
    expect(kinds('420102197803151312')).toEqual([]); // wrong check digit
    expect(kinds('420102197802301318')).toEqual([]); // 30 February
    expect(kinds('990102197803151311')).toEqual([]); // no such province
    expect(kinds(maskIdNumber('420102197803151311'))).toEqual([]);
    expect(kinds('420102********1311')).toEqual([]);
    expect(kinds('1420102197803151311')).toEqual([]); // part of a longer number
    expect(kinds('a420102197803151311')).toEqual([]); // part of a hash
    expect(kinds('91350100M000100Y43')).toEqual([]); // 统一社会信用代码
  });

  it('finds 15-digit first-generation ID numbers with a real birth date', () => {
    expect(isOldIdNumber('420102780315131')).toBe(true);
    expect(kinds('旧证号 420102780315131')).toEqual(['oldIdNumber:420102780315131']);
    expect(kinds('420102781315131')).toEqual([]); // month 13
    expect(kinds('1732252800000123')).toEqual([]); // 16 digits
  });

  it('finds mobile numbers, not masked ones, landlines, timestamps or hashes', () => {
    expect(kinds('联系电话13812345678')).toEqual(['phone:13812345678']);
    expect(kinds('tel:+86 19912345678')).toEqual(['phone:19912345678']);
    expect(kinds('"phone":"15900001111"')).toEqual(['phone:15900001111']);
    expect(kinds(maskPhone('13812345678'))).toEqual([]);
    expect(kinds('138****5678')).toEqual([]);
    expect(kinds('0710-12345678')).toEqual([]);
    expect(kinds('12812345678')).toEqual([]); // 12x is not a mobile prefix
    expect(kinds('1732252800000')).toEqual([]); // a millisecond timestamp
    expect(kinds('/_next/static/chunks/a13812345678b.js')).toEqual([]);
    expect(kinds('138123456789')).toEqual([]);
  });

  it('ignores ordinary numbers: article ids, counts, dates, tracking numbers', () => {
    expect(kinds('/news/12345 浏览 987654 次 2026-11-23 YS20261122-7KQ4M9 TJ20261123-7KQ4M9')).toEqual([]);
  });

  it('describes each hit with its surroundings', () => {
    const text = '姓名：欧阳建国 身份证号：420102197803151311 电话：13812345678';
    const lines = describePii(text, findPii(text));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('idNumber 420102197803151311 in “姓名：欧阳建国');
    expect(lines[1]).toContain('phone 13812345678');
  });

  it('accepts the documented examples and refuses near misses', () => {
    expect(isFullIdNumber('11010519491231002X')).toBe(true);
    expect(isFullIdNumber('440524188001010014')).toBe(true);
    expect(isFullIdNumber('44052418800101001')).toBe(false);
  });
});
