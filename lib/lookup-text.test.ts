import { describe, expect, it } from 'vitest';
import { isLookupText, likeStartsWith } from './lookup-text';

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

describe('likeStartsWith', () => {
  it('matches the prefix literally: LIKE wildcards and the escape character are escaped', () => {
    expect(likeStartsWith('uploads/ab12/')).toBe('uploads/ab12/%');
    expect(likeStartsWith('a_b%c\\d')).toBe('a\\_b\\%c\\\\d%');
  });
});
