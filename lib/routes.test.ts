import { describe, expect, it } from 'vitest';
import { decodeSegment } from './routes';

describe('decodeSegment', () => {
  it('decodes a percent-encoded segment', () => {
    expect(decodeSegment('ZG-2026-000123')).toBe('ZG-2026-000123');
    expect(decodeSegment('%E6%96%87%E6%98%8E')).toBe('文明');
  });

  it('gives null for every invalid encoding instead of throwing', () => {
    for (const raw of ['%FF', '%E4%B8', '%', '%zz', '%C0%AE', '%ED%A0%80']) expect(decodeSegment(raw), raw).toBeNull();
  });
});
