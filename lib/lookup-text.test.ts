import { describe, expect, it } from 'vitest';
import { isLookupText } from './lookup-text';

describe('isLookupText', () => {
  it('accepts ordinary keys and refuses empty, NUL and overlong ones', () => {
    expect(isLookupText('志愿服务')).toBe(true);
    expect(isLookupText('civic-week-2026')).toBe(true);
    expect(isLookupText('')).toBe(false);
    expect(isLookupText('a\u0000b')).toBe(false);
    expect(isLookupText('x'.repeat(201))).toBe(false);
    expect(isLookupText('x'.repeat(20), 10)).toBe(false);
  });
});
