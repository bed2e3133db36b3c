import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonName, maskPhone } from './mask';

describe('masking', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks names by character count', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('张小明')).toBe('张*明');
    expect(maskPersonName('欧阳小明')).toBe('欧**明');
    expect(maskPersonName('𠀀明')).toBe('𠀀*');
  });

  it('masks phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
