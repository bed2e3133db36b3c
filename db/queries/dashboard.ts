// Queue sizes for the admin dashboard.
import { count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { creditBatches, goodPeopleBatches, goodPersonComments, goodPersonRecommendations, newsArticles } from '../schema';

type Queue = { drafts: number; pending: number };

async function statusCounts(db: Db, table: typeof newsArticles | typeof goodPeopleBatches | typeof creditBatches): Promise<Queue> {
  const rows = await db
    .select({ status: table.status, n: count() })
    .from(table)
    .where(inArray(table.status, ['draft', 'rejected', 'pending']))
    .groupBy(table.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { drafts: of('draft') + of('rejected'), pending: of('pending') };
}

/** 好人榜 work waiting for staff: citizens' recommendations and comments (incl. those hidden by reports). */
async function peopleQueues(db: Db) {
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

export async function dashboardCounts(db: Db) {
  const [news, peopleBatches, creditBatchQueue, people] = await Promise.all([
    statusCounts(db, newsArticles),
    statusCounts(db, goodPeopleBatches),
    statusCounts(db, creditBatches),
    peopleQueues(db),
  ]);
  return { news, peopleBatches, creditBatches: creditBatchQueue, people };
}
