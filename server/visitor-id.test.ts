// View counts: a visitor without a valid signed id is known by its address as well.
import { describe, expect, it } from 'vitest';
import { viewKeys } from './visitor-id';

describe('view keys of a visitor', () => {
  it('lets the address stand in for a visitor without a valid id in view counts', () => {
    expect(viewKeys({ id: 'a'.repeat(22), fresh: false }, '203.0.113.7')).toEqual([`v:${'a'.repeat(22)}`]);
    expect(viewKeys({ id: 'b'.repeat(22), fresh: true }, '203.0.113.7')).toEqual([`v:${'b'.repeat(22)}`, 'ip:203.0.113.7']);
    expect(viewKeys({ id: 'c'.repeat(22), fresh: true }, null)).toEqual([`v:${'c'.repeat(22)}`]);
  });
});
