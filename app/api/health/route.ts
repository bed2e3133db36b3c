// Liveness plus a database round trip, for load balancers and monitoring.
import { pingDatabase } from '@/db/client';
import { safeErrorSummary } from '@/lib/log-error';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const db = await pingDatabase();
    return Response.json(
      { status: 'ok', database: { status: 'ok', ...db }, time: new Date().toISOString() },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    console.error(`health check: database unavailable: ${safeErrorSummary(error)}`);
    return Response.json(
      { status: 'error', database: { status: 'error' }, time: new Date().toISOString() },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
