// Counts for the dashboard's 红黑榜 queues.
import { count, eq, ne } from 'drizzle-orm';
import type { Db } from '../../client';
import { creditBatches, creditObjections } from '../../schema';

/** For the dashboard: batches waiting for a reviewer and objections not yet 已完成. */
export async function creditQueueCounts(db: Db): Promise<{ pendingBatches: number; openObjections: number }> {
  const [[batches], [objections]] = await Promise.all([
    db.select({ n: count() }).from(creditBatches).where(eq(creditBatches.status, 'pending')),
    db.select({ n: count() }).from(creditObjections).where(ne(creditObjections.status, 'completed')),
  ]);
  return { pendingBatches: batches?.n ?? 0, openObjections: objections?.n ?? 0 };
}
