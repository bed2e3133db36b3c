// Queue sizes for the admin dashboard.
import { count, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { creditBatches, goodPeopleBatches, newsArticles } from '../schema';

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

export async function dashboardCounts(db: Db) {
  const [news, peopleBatches, creditBatchQueue] = await Promise.all([
    statusCounts(db, newsArticles),
    statusCounts(db, goodPeopleBatches),
    statusCounts(db, creditBatches),
  ]);
  return { news, peopleBatches, creditBatches: creditBatchQueue };
}
