// Liveness plus a database round trip, for load balancers and monitoring. Anonymous callers learn only
// ok / not ok (200 {ok:true} or 503 {ok:false}); the details (engine, latency) need
// `Authorization: Bearer <HEALTH_TOKEN>`, and are never given when HEALTH_TOKEN is unset.
import { timingSafeEqual } from 'node:crypto';
import { pingDatabase } from '@/db/client';
import { safeErrorSummary } from '@/lib/log-error';
import { cacheSyncReady } from '@/server/cache/sync';

export const dynamic = 'force-dynamic';

const HEADERS = { 'Cache-Control': 'no-store' };

function maySeeDetails(request: Request): boolean {
  const token = process.env.HEALTH_TOKEN?.trim();
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(request: Request) {
  const details = maySeeDetails(request);
  // Not ready until the page cache follows the other instances' changes (server/cache/sync.ts): a few
  // milliseconds after start when PostgreSQL answers.
  if (!cacheSyncReady()) return unavailable(details, { cacheSync: 'starting' });
  try {
    const db = await pingDatabase();
    const body = details ? { ok: true, database: { ok: true, ...db }, time: new Date().toISOString() } : { ok: true };
    return Response.json(body, { headers: HEADERS });
  } catch (error) {
    console.error(`health check: database unavailable: ${safeErrorSummary(error)}`);
    return unavailable(details, { database: { ok: false } });
  }
}

/** 503: only `{ok:false}` for anonymous callers, with what is not ready for those holding the token. */
function unavailable(details: boolean, why: Record<string, unknown>): Response {
  const body = details ? { ok: false, ...why, time: new Date().toISOString() } : { ok: false };
  return Response.json(body, { status: 503, headers: HEADERS });
}
