import { beforeEach, describe, expect, it, vi } from 'vitest';

const getDb = vi.fn(async () => ({}) as never);
vi.mock('@/db/client', () => ({ getDb: () => getDb() }));

const { cachedQuery } = await import('./query-cache');
const { bumpTags } = await import('./state');

describe('cachedQuery', () => {
  beforeEach(() => getDb.mockClear());

  it('runs a query once per arguments until its tag changes', async () => {
    let calls = 0;
    const list = cachedQuery('test.list', async (_db: unknown, page: number) => ({ page, run: ++calls }), { tags: () => ['t-list'], revalidate: 60 });
    expect(await list(1)).toEqual({ page: 1, run: 1 });
    expect(await list(1)).toEqual({ page: 1, run: 1 });
    expect(await list(2)).toEqual({ page: 2, run: 2 });
    bumpTags(['t-list']);
    expect(await list(1)).toEqual({ page: 1, run: 3 });
  });

  it('shares one run between concurrent callers and keeps Dates as Dates', async () => {
    let calls = 0;
    const at = new Date('2026-11-22T08:30:00Z');
    const item = cachedQuery('test.item', async () => ({ at, run: ++calls }), { tags: () => ['t-item'], revalidate: 60 });
    const [a, b] = await Promise.all([item(), item()]);
    expect(a).toBe(b);
    expect(a.at).toBeInstanceOf(Date);
    expect(calls).toBe(1);
  });

  it('expires entries after revalidate seconds and never caches a failure', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T00:00:00Z') });
    try {
      let calls = 0;
      const flaky = cachedQuery('test.flaky', async () => {
        calls += 1;
        if (calls === 1) throw new Error('db down');
        return calls;
      }, { tags: () => ['t-flaky'], revalidate: 60 });
      await expect(flaky()).rejects.toThrow('db down');
      expect(await flaky()).toBe(2);
      expect(await flaky()).toBe(2);
      vi.advanceTimersByTime(61_000);
      expect(await flaky()).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('with midnight, never keeps an entry past the city midnight', async () => {
    // 23:59:50 in the city (UTC+8): a 30-second entry ends at midnight, ten seconds on.
    vi.useFakeTimers({ now: new Date('2026-11-22T15:59:50Z') });
    try {
      let calls = 0;
      const lookup = cachedQuery('test.midnight', async () => ++calls, { tags: () => ['t-midnight'], revalidate: 30, midnight: true });
      expect(await lookup()).toBe(1);
      vi.advanceTimersByTime(9_000);
      expect(await lookup()).toBe(1);
      vi.advanceTimersByTime(2_000);
      expect(await lookup()).toBe(2);
      // After midnight the full 30 seconds apply again.
      vi.advanceTimersByTime(29_000);
      expect(await lookup()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
