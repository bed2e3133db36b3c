// Article view counting (点击次数): bots are ignored, a visitor counts once per article per 30 minutes,
// and increments are buffered in memory and added to the database in one statement every 5 seconds,
// so a busy article costs one UPDATE per flush instead of one per reader.
import { getDb, type Db } from '@/db/client';
import { addArticleViews } from '@/db/queries/news';
import { cityDay } from '@/lib/dates';
import { safeErrorSummary } from '@/lib/log-error';

export const DEDUPE_WINDOW_MS = 30 * 60_000;
export const FLUSH_INTERVAL_MS = 5_000;
// Bounds on memory, whatever requests arrive: forged ids and visitor keys cannot grow the process.
const MAX_RECENT_VISITS = 100_000;
const MAX_PENDING_ARTICLES = 10_000;

const BOT_PATTERN =
  /bot|spider|crawl|slurp|curl|wget|python|headless|scrapy|http-?client|java\/|go-http|okhttp|axios|node-fetch|undici|libwww|perl|php|ruby|facebookexternalhit|feedfetcher|lighthouse|pingdom|phantomjs|selenium|puppeteer|playwright|postman/i;

/** Crawlers, scripts and headless browsers; a request without a User-Agent counts as one too. */
export function isBot(userAgent: string | null | undefined): boolean {
  return !userAgent?.trim() || BOT_PATTERN.test(userAgent);
}

/** A database id from a URL segment, or null: only plain positive 32-bit integers. */
export function parseArticleId(value: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

/**
 * Keys seen recently, each with its expiry. A Map keeps insertion order, and a key is (re)inserted when
 * its window starts, so the oldest entries sit at the front: expired ones are dropped from there, and
 * when the map is full the oldest go first.
 */
export class RecentVisits {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowMs = DEDUPE_WINDOW_MS,
    private readonly maxSize = MAX_RECENT_VISITS,
  ) {}

  get size(): number {
    return this.expiries.size;
  }

  /**
   * Records a visit known by several keys (the visitor cookie, the address); true when none of them
   * was seen within the window. A new key joining a known visitor inherits the running window.
   */
  visit(keys: readonly string[], now = Date.now()): boolean {
    this.prune(now);
    const running = Math.max(0, ...keys.map((key) => this.expiries.get(key) ?? 0));
    const fresh = running <= now;
    for (const key of keys) {
      if (!fresh && (this.expiries.get(key) ?? 0) > now) continue;
      this.expiries.delete(key);
      this.expiries.set(key, fresh ? now + this.windowMs : running);
    }
    for (const oldest of this.expiries.keys()) {
      if (this.expiries.size <= this.maxSize) break;
      this.expiries.delete(oldest);
    }
    return fresh;
  }

  private prune(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(key);
    }
  }
}

type CounterState = {
  visits: RecentVisits;
  pending: Map<number, number>;
  flushing: Promise<unknown>;
  timer: ReturnType<typeof setInterval> | null;
};

// On globalThis so that module reloads in development keep one buffer and one timer per process.
const holder = globalThis as unknown as { __civicViewCounter?: CounterState };
const state: CounterState = (holder.__civicViewCounter ??= {
  visits: new RecentVisits(),
  pending: new Map(),
  flushing: Promise.resolve(),
  timer: null,
});

export type ViewOutcome = 'counted' | 'bot' | 'duplicate' | 'invalid' | 'overflow';

/**
 * Notes one page view in memory. `visitorKeys` identify the reader (e.g. `vid:<cookie>`, `ip:<address>`);
 * whether the article exists and is public is checked when the views are written.
 */
export function recordView(view: { articleId: number; visitorKeys: readonly string[]; userAgent: string | null; now?: number }): ViewOutcome {
  const { articleId } = view;
  if (!Number.isInteger(articleId) || articleId < 1 || articleId > 2_147_483_647 || view.visitorKeys.length === 0) return 'invalid';
  if (isBot(view.userAgent)) return 'bot';
  if (!state.pending.has(articleId) && state.pending.size >= MAX_PENDING_ARTICLES) return 'overflow';
  const keys = view.visitorKeys.map((key) => `${articleId}|${key}`);
  if (!state.visits.visit(keys, view.now)) return 'duplicate';
  state.pending.set(articleId, (state.pending.get(articleId) ?? 0) + 1);
  return 'counted';
}

/** Views waiting to be written, per article id (for tests and diagnostics). */
export function pendingViews(): ReadonlyMap<number, number> {
  return state.pending;
}

async function flushOnce(db: Db | undefined): Promise<number> {
  if (state.pending.size === 0) return 0;
  const batch = state.pending;
  state.pending = new Map();
  try {
    return await addArticleViews(db ?? (await getDb()), batch, cityDay());
  } catch (error) {
    // Keep the counts for the next attempt (as far as the bound allows) rather than lose them.
    for (const [id, n] of batch) {
      if (state.pending.has(id) || state.pending.size < MAX_PENDING_ARTICLES) state.pending.set(id, (state.pending.get(id) ?? 0) + n);
    }
    throw error;
  }
}

/** Writes the buffered views now; flushes never overlap. Resolves to the number of articles counted. */
export function flushViews(db?: Db): Promise<number> {
  const run = state.flushing.then(() => flushOnce(db));
  state.flushing = run.catch(() => undefined);
  return run;
}

function flushInBackground(): void {
  flushViews().catch((error: unknown) => console.error(`view counter: flush failed: ${safeErrorSummary(error)}`));
}

function flushOnSignal(signal: NodeJS.Signals): void {
  // With no other handler (Next.js normally has one), re-raise after flushing so the process still ends.
  const alone = process.listenerCount(signal) === 1;
  flushViews()
    .catch((error: unknown) => console.error(`view counter: flush on exit failed: ${safeErrorSummary(error)}`))
    .finally(() => {
      if (!alone) return;
      process.removeListener(signal, flushOnSignal);
      process.kill(process.pid, signal);
    });
}

/** Starts the 5-second flush timer and the best-effort flush at shutdown (once per process). */
export function scheduleViewFlush(): void {
  if (state.timer) return;
  state.timer = setInterval(flushInBackground, FLUSH_INTERVAL_MS);
  state.timer.unref();
  process.on('SIGTERM', flushOnSignal);
  process.on('SIGINT', flushOnSignal);
  process.once('beforeExit', flushInBackground);
}
