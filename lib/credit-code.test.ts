import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('accepts the worked example and other valid codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    // Check value 31 maps to 0; these vectors exercise letter values (alphabet positions, not char codes).
    for (const first17 of ['91110000100000000', '92420102MA4K00000', '12420100000000000', '52420100MJY000000']) {
      const code = first17 + creditCodeCheckChar(first17)!;
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'check' });
    expect(checkCreditCode('91350100M000100Y4A')).toEqual({ ok: false, problem: 'check' });
  });

  it('rejects letters outside the alphabet (I, O, S, V, Z) and lower case', () => {
    expect(checkCreditCode('91350100I000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100O000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100m000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(creditCodeCheckChar('9135010Z000100Y4X')).toBeNull();
  });

  it('rejects wrong lengths', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ ok: false, problem: 'length' });
    expect(checkCreditCode('91350100M000100Y433')).toEqual({ ok: false, problem: 'length' });
    expect(checkCreditCode('')).toEqual({ ok: false, problem: 'length' });
  });

  it('catches a single changed character and a swap of neighbours', () => {
    expect(isValidCreditCode('91350100M000200Y43')).toBe(false);
    expect(isValidCreditCode('93150100M000100Y43')).toBe(false);
  });

  it('normalises spacing and case before checking', () => {
    expect(normalizeCreditCode(' 9135 0100-m000 100y43 ')).toBe('91350100M000100Y43');
  });
});
