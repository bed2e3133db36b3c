// Shared cache invalidation for several instances on one PostgreSQL (issue 9): every instance LISTENs on
// the `cache_tags` channel and re-reads the cache_tags table every few seconds (a missed notification,
// a reconnect), and bumps its own tag versions (server/cache/state.ts) for every change another instance
// made. PGlite is single-process: its changes are all local, so it needs none of this.
import { Client } from 'pg';
import { bumpTags } from './state';
import { safeErrorSummary } from '@/lib/log-error';
import { getDb } from '@/db/client';
import { CACHE_TAG_CHANNEL, readTagVersions } from '@/db/queries/cache-tags';

const POLL_MS = 5_000;
const RECONNECT_MS = 1_000;

interface SyncState {
  /** The last database version seen per tag, by a read, a notification or our own change. */
  seen: Map<string, number>;
  started: boolean;
  /** Listening, and the tag versions read once after LISTEN: what this instance caches from now on is kept current. */
  ready: boolean;
}

const KEY = Symbol.for('civic-portal.cache-sync');

function syncState(): SyncState {
  const holder = globalThis as unknown as Record<symbol, SyncState | undefined>;
  return (holder[KEY] ??= { seen: new Map(), started: false, ready: false });
}

/**
 * Applies versions from the database: any tag that moved past what we saw is stale here. `own` marks
 * the versions our own change just wrote: those were expired locally already, unless the version
 * jumped by more than one (another instance changed the tag too, and its notification would now be
 * ignored as already seen).
 */
export function noteTagVersions(versions: Map<string, number>, options: { own: boolean }): void {
  const { seen } = syncState();
  const moved: string[] = [];
  for (const [tag, version] of versions) {
    const before = seen.get(tag);
    if (before !== undefined && version <= before) continue;
    seen.set(tag, version);
    if (!options.own || before === undefined || version > before + 1) moved.push(tag);
  }
  if (moved.length > 0) bumpTags(moved);
}

/**
 * Whether this instance's page cache follows the other instances' changes: true once it listens and has read the
 * tag versions after LISTEN (it then stays true: a lost listener reconnects, and the poll every few seconds bounds
 * what a gap can miss), and always true where no sync was started (PGlite, one process). /api/health answers 503
 * until then, so that a load balancer sends no visitor to an instance that could still serve a page another one
 * has changed.
 */
export function cacheSyncReady(): boolean {
  const { started, ready } = syncState();
  return !started || ready;
}

/** Starts listening (once per process); instrumentation.ts calls it when the server starts. */
export function startCacheSync(url: string): void {
  const sync = syncState();
  if (sync.started) return;
  sync.started = true;

  /** Reads every tag's version; false when the read failed (logged). */
  const poll = async (): Promise<boolean> => {
    try {
      const versions = await readTagVersions(await getDb());
      noteTagVersions(versions, { own: false });
      return true;
    } catch (error) {
      console.error(`cache sync: reading cache_tags failed: ${safeErrorSummary(error)}`);
      return false;
    }
  };

  const listen = async () => {
    const client = new Client({ connectionString: url });
    let retrying = false;
    const retry = () => {
      if (retrying) return;
      retrying = true;
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
      setTimeout(() => void listen(), RECONNECT_MS).unref();
    };
    client.on('error', (error) => {
      console.error(`cache sync: listener connection lost (${error.message}), reconnecting`);
      retry();
    });
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      const at = payload.lastIndexOf(':');
      const version = Number(payload.slice(at + 1));
      if (at <= 0 || !Number.isFinite(version)) return;
      noteTagVersions(new Map([[payload.slice(0, at), version]]), { own: false });
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_TAG_CHANNEL}`);
      // Changes made while we were not listening; the first success makes the instance ready (cacheSyncReady).
      if (await poll()) sync.ready = true;
      else if (!sync.ready) retry();
    } catch (error) {
      console.error(`cache sync: cannot listen (${safeErrorSummary(error)}), retrying`);
      retry();
    }
  };

  void listen();
  setInterval(() => void poll(), POLL_MS).unref();
}
