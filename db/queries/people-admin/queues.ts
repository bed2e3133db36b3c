// Counts for the dashboard's 好人榜 queues: citizens' work waiting for staff.
import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client';
import { goodPersonComments, goodPersonRecommendations } from '../../schema';

/** Recommendations not yet handled, and comments to moderate (incl. those hidden by reports). */
export async function peopleQueueCounts(db: Db): Promise<{ recommendations: number; pendingComments: number; hiddenComments: number }> {
  const [[recommendations], comments] = await Promise.all([
    db.select({ n: count() }).from(goodPersonRecommendations).where(eq(goodPersonRecommendations.status, 'pending')),
    db
      .select({ status: goodPersonComments.status, n: count() })
      .from(goodPersonComments)
      .where(inArray(goodPersonComments.status, ['pending', 'hidden']))
      .groupBy(goodPersonComments.status),
  ]);
  const of = (s: string) => comments.find((r) => r.status === s)?.n ?? 0;
  return { recommendations: recommendations?.n ?? 0, pendingComments: of('pending'), hiddenComments: of('hidden') };
}
