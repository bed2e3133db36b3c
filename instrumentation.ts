// Runs once when a server process starts (Next.js instrumentation hook): the console's redaction of
// query strings and personal numbers (server/log-redaction.ts), and, for instances that share one
// PostgreSQL, listening for each other's content changes (server/cache/sync.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { installLogRedaction } = await import('./server/log-redaction');
  installLogRedaction();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const url = process.env.DATABASE_URL;
  if (!url) return; // PGlite is single-process: every change is local
  const { startCacheSync } = await import('./server/cache/sync');
  startCacheSync(url);
}
