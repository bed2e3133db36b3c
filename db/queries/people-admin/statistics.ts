// Per-batch 好人榜 statistics for the editors' charts.
import { and, asc, count, desc, eq, gte, lt, sum } from 'drizzle-orm';
import type { Db } from '../../client';
import { goodPeople, goodPersonRecommendations } from '../../schema';
import { findBatch } from './batches';
import { monthBounds } from './people';

/** Recommendations received in the batch's month (city time), those accepted into it, likes and views. */
export async function batchStats(db: Db, batchId: number) {
  const batch = await findBatch(db, batchId);
  if (!batch) return null;
  const { from, to } = monthBounds(batch.month);
  const [[received], [accepted], [totals], people] = await Promise.all([
    db
      .select({ n: count() })
      .from(goodPersonRecommendations)
      .where(and(gte(goodPersonRecommendations.createdAt, from), lt(goodPersonRecommendations.createdAt, to))),
    db
      .select({ n: count() })
      .from(goodPersonRecommendations)
      .innerJoin(goodPeople, eq(goodPeople.id, goodPersonRecommendations.personId))
      .where(and(eq(goodPersonRecommendations.status, 'accepted'), eq(goodPeople.batchId, batchId))),
    db
      .select({ likes: sum(goodPeople.likeCount).mapWith(Number), views: sum(goodPeople.viewCount).mapWith(Number) })
      .from(goodPeople)
      .where(eq(goodPeople.batchId, batchId)),
    db
      .select({ id: goodPeople.id, name: goodPeople.name, likeCount: goodPeople.likeCount, viewCount: goodPeople.viewCount })
      .from(goodPeople)
      .where(eq(goodPeople.batchId, batchId))
      .orderBy(desc(goodPeople.likeCount), asc(goodPeople.id)),
  ]);
  return {
    month: batch.month,
    received: received?.n ?? 0,
    accepted: accepted?.n ?? 0,
    likes: totals?.likes ?? 0,
    views: totals?.views ?? 0,
    people,
  };
}
