// The cache sync's readiness (server/cache/sync.ts), which /api/health reports: not ready from the start of the
// sync until it listens and has read the shared tag versions once; a failed first read keeps it not ready and
// tries again; a process that starts no sync (PGlite) is ready at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ reads: [] as Array<() => Promise<Map<string, number>>>, queries: [] as string[], connects: 0, release: null as null | (() => void) }));

vi.mock('pg', () => ({
  Client: class {
    on() {}
    removeAllListeners() {}
    async end() {}
    async connect() {
      calls.connects += 1;
      await new Promise<void>((resolve) => (calls.release = resolve));
    }
    async query(text: string) {
      calls.queries.push(text);
    }
  },
}));
vi.mock('@/db/client', () => ({ getDb: async () => ({}) }));
vi.mock('@/db/queries/cache-tags', () => ({
  CACHE_TAG_CHANNEL: 'cache_tags',
  readTagVersions: () => (calls.reads.shift() ?? (async () => new Map()))(),
}));

const KEY = Symbol.for('civic-portal.cache-sync');

describe('cache sync readiness', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    delete (globalThis as Record<symbol, unknown>)[KEY];
    Object.assign(calls, { reads: [], queries: [], connects: 0, release: null });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('is ready without a sync (one process, PGlite)', async () => {
    const { cacheSyncReady } = await import('./sync');
    expect(cacheSyncReady()).toBe(true);
  });

  it('is not ready until it listens and has read the tag versions', async () => {
    const { cacheSyncReady, startCacheSync } = await import('./sync');
    startCacheSync('postgres://test/db');
    expect(cacheSyncReady()).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(cacheSyncReady()).toBe(false); // still connecting
    calls.release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.queries).toEqual(['LISTEN cache_tags']);
    expect(cacheSyncReady()).toBe(true);
  });

  it('stays not ready while the first read fails, and connects again until one succeeds', async () => {
    const { cacheSyncReady, startCacheSync } = await import('./sync');
    calls.reads.push(() => Promise.reject(new Error('relation "cache_tags" is being restored')));
    startCacheSync('postgres://test/db');
    calls.release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(cacheSyncReady()).toBe(false);
    expect(calls.connects).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000); // the reconnect delay
    expect(calls.connects).toBe(2);
    calls.release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(cacheSyncReady()).toBe(true);
  });
});
