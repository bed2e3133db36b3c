import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idNumberBirthDate, idNumberCheckChar } from './id-number';

const today = '2026-11-22';

describe('公民身份号码 (GB 11643-1999, MOD 11-2)', () => {
  it('accepts valid numbers, including an X check character', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({ ok: true, birthDate: '1949-12-31' });
    expect(checkIdNumber('440524188001010014', today)).toEqual({ ok: true, birthDate: '1880-01-01' });
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(checkIdNumber('11010519491231002x', today).ok).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('110105194912310021', today)).toEqual({ ok: false, problem: 'check' });
  });

  it('rejects impossible or future birth dates', () => {
    const feb30 = '11010519490230001';
    expect(checkIdNumber(feb30 + idNumberCheckChar(feb30), today)).toEqual({ ok: false, problem: 'birthDate' });
    const future = '11010520301231001';
    expect(checkIdNumber(future + idNumberCheckChar(future), today)).toEqual({ ok: false, problem: 'birthDate' });
    expect(idNumberBirthDate('110105200002290010')).toBe('2000-02-29');
    expect(idNumberBirthDate('110105190002290010')).toBeNull(); // 1900 was not a leap year
  });

  it('rejects bad formats', () => {
    expect(checkIdNumber('11010519491231002', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('1101051949123100XX', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('11010519491231002Y', today)).toEqual({ ok: false, problem: 'format' });
  });

  it('computes age in whole years', () => {
    expect(ageOn('2008-11-23', today)).toBe(17);
    expect(ageOn('2008-11-22', today)).toBe(18);
  });
});
