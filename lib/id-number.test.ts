import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idNumberBirthDate, idNumberCheckChar } from './id-number';

const today = '2026-11-22';

describe('公民身份号码 (GB 11643-1999, MOD 11-2)', () => {
  it('accepts valid numbers, including an X check character', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({ ok: true, birthDate: '1949-12-31' });
    expect(checkIdNumber('440524188001010014', today)).toEqual({ ok: true, birthDate: '1880-01-01' });
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(checkIdNumber('11010519491231002x', today).ok).toBe(true);
    // Computed independently: the demo's 欧阳建国 and a leap day.
    expect(checkIdNumber('420102197803151311', today)).toEqual({ ok: true, birthDate: '1978-03-15' });
    expect(checkIdNumber('110105200002290013', today)).toEqual({ ok: true, birthDate: '2000-02-29' });
  });

  it('rejects a wrong check character', () => {
    expect(checkIdNumber('110105194912310021', today)).toEqual({ ok: false, problem: 'check' });
    expect(checkIdNumber('440524188001010015', today)).toEqual({ ok: false, problem: 'check' });
    expect(checkIdNumber('44052418800101001X', today)).toEqual({ ok: false, problem: 'check' });
  });

  it('rejects impossible or future birth dates', () => {
    const feb30 = '11010519490230001';
    expect(checkIdNumber(feb30 + idNumberCheckChar(feb30), today)).toEqual({ ok: false, problem: 'birthDate' });
    const future = '11010520301231001';
    expect(checkIdNumber(future + idNumberCheckChar(future), today)).toEqual({ ok: false, problem: 'birthDate' });
    expect(idNumberBirthDate('110105200002290010')).toBe('2000-02-29');
    expect(idNumberBirthDate('110105190002290010')).toBeNull(); // 1900 was not a leap year
    for (const monthDay of ['0230', '1301', '0001', '0100', '0431']) {
      const first17 = `1101051990${monthDay}001`;
      expect(checkIdNumber(first17 + idNumberCheckChar(first17), today), monthDay).toEqual({ ok: false, problem: 'birthDate' });
    }
    const tomorrow = '11010520261123001';
    expect(checkIdNumber(tomorrow + idNumberCheckChar(tomorrow), today)).toEqual({ ok: false, problem: 'birthDate' });
    const todayBorn = '11010520261122001';
    expect(checkIdNumber(todayBorn + idNumberCheckChar(todayBorn), today).ok).toBe(true);
  });

  it('rejects bad formats', () => {
    expect(checkIdNumber('11010519491231002', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('1101051949123100XX', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('11010519491231002Y', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('1101051949123100202', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('', today)).toEqual({ ok: false, problem: 'format' });
    // X only as the check character, never inside the first 17.
    expect(checkIdNumber('1101051949X2310021', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('X10105194912310021', today)).toEqual({ ok: false, problem: 'format' });
    expect(checkIdNumber('110105 94912310021', today)).toEqual({ ok: false, problem: 'format' });
  });

  it('computes age in whole years', () => {
    expect(ageOn('2008-11-23', today)).toBe(17);
    expect(ageOn('2008-11-22', today)).toBe(18);
  });
});
