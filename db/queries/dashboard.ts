// The dashboard's review-queue count, shared by every domain whose content goes through the review
// workflow (each domain registers its cards' counts in db/domains.ts).
import { count, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

export type ReviewQueue = { drafts: number; pending: number };

/** A table with the review workflow's status column (lib/enums.ts CONTENT_STATUSES). */
type WorkflowTable = PgTable & { status: PgColumn };

/** A workflow table's drafts (草稿 and 已退回) and items waiting for a reviewer. */
export async function reviewQueue(db: Db, table: WorkflowTable): Promise<ReviewQueue> {
  const rows = await db
    .select({ status: table.status, n: count() })
    .from(table)
    .where(inArray(table.status, ['draft', 'rejected', 'pending']))
    .groupBy(table.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { drafts: of('draft') + of('rejected'), pending: of('pending') };
}
