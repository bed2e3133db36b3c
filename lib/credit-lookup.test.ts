import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from './credit-code';
import { canonicalCreditLookup, cleanLookupText, parseCreditLookup } from './credit-lookup';

describe('credit lookup query classification', () => {
  it('treats an empty or blank query as empty', () => {
    expect(parseCreditLookup('')).toEqual({ kind: 'empty' });
    expect(parseCreditLookup('   \u3000 ')).toEqual({ kind: 'empty' });
    expect(parseCreditLookup(undefined)).toEqual({ kind: 'empty' });
  });

  it('accepts a valid code, normalising case, full-width characters, spaces and dashes', () => {
    expect(parseCreditLookup('91350100M000100Y43')).toEqual({ kind: 'code', code: '91350100M000100Y43' });
    expect(parseCreditLookup(' 91350100m000100y43 ')).toEqual({ kind: 'code', code: '91350100M000100Y43' });
    expect(parseCreditLookup('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ kind: 'code', code: '91350100M000100Y43' });
    expect(parseCreditLookup('9135 0100-M000 100Y43')).toEqual({ kind: 'code', code: '91350100M000100Y43' });
  });

  it('names the expected check character when the last one is wrong', () => {
    const result = parseCreditLookup('91350100M000100Y44');
    expect(result).toEqual({
      kind: 'badCode',
      code: '91350100M000100Y44',
      message: '统一社会信用代码校验位不正确：按前17位计算，第18位应为“3”。请核对后重新输入。',
    });
    const first17 = '92420102MA4K00000';
    const expected = creditCodeCheckChar(first17)!;
    const wrong = expected === '0' ? '1' : '0';
    expect(parseCreditLookup(first17 + wrong)).toMatchObject({ kind: 'badCode', message: expect.stringContaining(`第18位应为“${expected}”`) });
  });

  it('reports a wrong length with the number of characters typed', () => {
    const short = parseCreditLookup('91350100M000100Y4');
    expect(short).toMatchObject({ kind: 'badCode', message: expect.stringContaining('应为18位，您输入了17位') });
    const long = parseCreditLookup('91350100M000100Y433');
    expect(long).toMatchObject({ kind: 'badCode', message: expect.stringContaining('您输入了19位') });
    expect(parseCreditLookup('913501001000100')).toMatchObject({ kind: 'badCode', message: expect.stringContaining('您输入了15位') });
  });

  it('reports forbidden letters I, O, S, V and Z by name', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      const result = parseCreditLookup(`91350100${letter}000100Y43`);
      expect(result).toMatchObject({ kind: 'badCode', message: expect.stringContaining(`含有“${letter}”`) });
    }
    expect(parseCreditLookup('9135010OM00010OY43')).toMatchObject({ message: expect.stringContaining('含有“O”。') });
  });

  it('searches anything else as a name fragment', () => {
    expect(parseCreditLookup('诚信达物流')).toEqual({ kind: 'name', fragment: '诚信达物流' });
    expect(parseCreditLookup('  诚信达  物流 ')).toEqual({ kind: 'name', fragment: '诚信达 物流' });
    expect(parseCreditLookup('ABC')).toEqual({ kind: 'name', fragment: 'ABC' });
    // Latin brand names of code length but with few digits are names, not codes.
    expect(parseCreditLookup('JIANGCHENGLOGISTICS')).toEqual({ kind: 'name', fragment: 'JIANGCHENGLOGISTICS' });
    expect(parseCreditLookup('100%_达')).toEqual({ kind: 'name', fragment: '100%_达' });
  });

  it('asks for more than one character and refuses overlong text', () => {
    expect(parseCreditLookup('达')).toMatchObject({ kind: 'invalid', message: expect.stringContaining('至少输入2个字') });
    expect(parseCreditLookup('𠀀')).toMatchObject({ kind: 'invalid' });
    expect(parseCreditLookup('达'.repeat(51))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('过长') });
    expect(parseCreditLookup('达'.repeat(50))).toMatchObject({ kind: 'name' });
  });

  it('drops control characters', () => {
    expect(cleanLookupText('诚信\u0000达\u0007')).toBe('诚信达');
  });
});

describe('canonicalCreditLookup', () => {
  it('keys a fragment without regard to case and a code as it is', () => {
    expect(canonicalCreditLookup({ fragment: 'ABC科技' })).toEqual({ fragment: 'abc科技' });
    expect(canonicalCreditLookup({ fragment: 'abc科技' })).toEqual(canonicalCreditLookup({ fragment: 'AbC科技' }));
    expect(canonicalCreditLookup({ code: '91350100M000100Y43' })).toEqual({ code: '91350100M000100Y43' });
  });
});
