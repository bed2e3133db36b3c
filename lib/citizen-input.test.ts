import { describe, expect, it } from 'vitest';
import { cleanText, isValidPhone, makeTrackingNo, normalizePhone, normalizeTrackingNo, phoneDigits, phoneSchema, visibleLength, visibleText } from './citizen-input';

describe('visibleLength', () => {
  it('counts characters as readers see them', () => {
    expect(visibleLength('见义勇为')).toBe(4);
    expect(visibleLength('𠀀')).toBe(1); // outside the BMP: two UTF-16 units
    expect(visibleLength('👍🏽')).toBe(1); // emoji with skin tone modifier
    expect(visibleLength('👨‍👩‍👧')).toBe(1); // joined family emoji
    expect(visibleLength('')).toBe(0);
  });
});

describe('visibleText', () => {
  const deed = visibleText('一句话事迹', 30, 200);
  it('refuses too short and too long text with the count', () => {
    const short = deed.safeParse('太短了');
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('一句话事迹至少30个字，目前3个字');
    const long = deed.safeParse('好'.repeat(201));
    expect(long.error?.issues[0]?.message).toBe('一句话事迹最多200个字，目前201个字');
    expect(deed.safeParse('').error?.issues[0]?.message).toBe('请填写一句话事迹');
  });
  it('accepts 30 emoji as 30 characters though they are 60 UTF-16 units', () => {
    expect(deed.safeParse('👍'.repeat(30)).success).toBe(true);
    expect(deed.safeParse('👍'.repeat(29)).success).toBe(false);
  });
  it('cleans control characters and trims', () => {
    expect(cleanText('  a\u0000b\r\nc\u007f  ')).toBe('ab\nc');
  });
});

describe('phones', () => {
  it('normalises what people type', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('0086 13812345678')).toBe('13812345678');
    expect(normalizePhone('１３８１２３４５６７８')).toBe('13812345678');
  });
  it('gives a landline one form however it is typed', () => {
    for (const typed of ['027-88886666', '02788886666', '027 8888 6666', '(027)88886666', '（027）8888-6666', '027－88886666', '+86 27 8888 6666', '０２７－８８８８６６６６']) {
      expect(normalizePhone(typed), typed).toBe('027-88886666');
    }
    expect(normalizePhone('010 6512 3456')).toBe('010-65123456');
    expect(normalizePhone('07101234567')).toBe('0710-1234567');
    expect(normalizePhone('0710-12345678')).toBe('0710-12345678');
    expect(phoneDigits('027-8888 6666')).toBe('02788886666');
  });
  it('accepts mobiles and landlines with area code only', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('027-88886666')).toBe(true);
    expect(isValidPhone('0710-1234567')).toBe(true);
    expect(isValidPhone(normalizePhone('02788886666'))).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
    expect(isValidPhone(normalizePhone('88886666'))).toBe(false);
    expect(isValidPhone(normalizePhone('027-8888666'))).toBe(false);
  });
  it('gives a Chinese message', () => {
    expect(phoneSchema.safeParse('').error?.issues[0]?.message).toBe('请填写联系电话');
    expect(phoneSchema.safeParse('12345').error?.issues[0]?.message).toMatch(/请填写正确的手机号/);
    expect(phoneSchema.parse(' 138 1234 5678 ')).toBe('13812345678');
    expect(phoneSchema.parse('027 8888 6666')).toBe('027-88886666');
  });
});

describe('tracking numbers', () => {
  it('has the prefix, the day and 6 unambiguous characters', () => {
    const no = makeTrackingNo('TJ', '2026-11-23');
    expect(no).toMatch(/^TJ20261123-[2-9A-HJKMNP-Z]{6}$/);
    expect(new Set(Array.from({ length: 50 }, () => makeTrackingNo('YS', '2026-11-23'))).size).toBe(50);
  });
  it('normalises typed numbers', () => {
    expect(normalizeTrackingNo(' tj20261123-ab3cd4 ')).toBe('TJ20261123-AB3CD4');
    expect(normalizeTrackingNo('ＴＪ２０２６')).toBe('TJ2026');
  });
});
