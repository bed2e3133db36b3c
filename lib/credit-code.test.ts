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

  it('accepts fixed vectors computed independently of this implementation', () => {
    // Check values 0 (sum mod 31 = 0, "31 means 0"), a letter check (Y = 30) and letters in the body.
    for (const code of ['91110000100000000R', '92420102MA4K00000J', '124201000000000001', '52420100MJY000000A', '91420100MA49XYTR0M', '31420000MD00000019', '914201000000000110', '91420100000000001Y']) {
      expect(checkCreditCode(code), code).toEqual({ ok: true });
    }
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91110000100000000S')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91110000100000000Q')).toEqual({ ok: false, problem: 'check' });
    expect(checkCreditCode('914201000000000111')).toEqual({ ok: false, problem: 'check' });
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ ok: false, problem: 'check' });
    expect(checkCreditCode('91350100M000100Y4A')).toEqual({ ok: false, problem: 'check' });
  });

  it('rejects letters outside the alphabet (I, O, S, V, Z) and lower case', () => {
    expect(checkCreditCode('91350100I000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100O000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100S000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100V000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100Z000100Y43')).toEqual({ ok: false, problem: 'character' });
    expect(checkCreditCode('91350100M000100Y4-')).toEqual({ ok: false, problem: 'character' });
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
    expect(isValidCreditCode(normalizeCreditCode('92420102ma4k00000j'))).toBe(true);
  });
});
