import { afterEach, describe, expect, it, vi } from 'vitest';
import { installLogRedaction } from './log-redaction';

describe('installLogRedaction', () => {
  afterEach(() => vi.restoreAllMocks());

  it('puts every console method of the process behind the redaction, once', () => {
    const error = vi.fn();
    const warn = vi.fn();
    const target = { ...console, error, warn } as Console;
    installLogRedaction(target);
    installLogRedaction(target);
    target.error(new Error('render failed for /credit?q=110105194912310021'), 'GET /search?q=13812345678');
    target.warn('slow: /ledger?area=x');
    expect(error).toHaveBeenCalledTimes(1);
    const [first, second] = error.mock.calls[0] as [string, string];
    expect(first).toContain('/credit?[query removed]');
    expect(first).not.toContain('110105194912310021');
    expect(second).toBe('GET /search?[query removed]');
    expect(warn).toHaveBeenCalledWith('slow: /ledger?[query removed]');
  });
});
