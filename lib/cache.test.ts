import { describe, expect, it } from 'vitest';
import { reviveDates } from './cache';

describe('reviveDates', () => {
  it('turns JSON timestamps back into dates, deeply, and leaves other strings alone', () => {
    const at = new Date('2026-11-22T08:30:00.000Z');
    const revived = reviveDates(JSON.parse(JSON.stringify({ at, list: [{ publishedAt: at }], day: '2026-11-22', text: '2026-11-22T08:30:00Z 之后', title: '2026-11-22T08:30:00Z' })));
    expect(revived.at).toBeInstanceOf(Date);
    expect(revived.at.getTime()).toBe(at.getTime());
    expect(revived.list[0].publishedAt).toBeInstanceOf(Date);
    expect(revived.title).toBe('2026-11-22T08:30:00Z');
    expect(revived.day).toBe('2026-11-22');
    expect(revived.text).toBe('2026-11-22T08:30:00Z 之后');
    expect(reviveDates(null)).toBeNull();
    expect(reviveDates(3)).toBe(3);
  });
});
