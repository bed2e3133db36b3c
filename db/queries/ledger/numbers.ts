// Drawing the next item number of a year (ZG-2026-000124) inside the inserting transaction.
import { and, like, sql } from 'drizzle-orm';
import { formatIssueNo, parseIssueNo } from '@/lib/ledger-number';
import type { Db } from '../../client';
import { issues } from '../../schema';

/**
 * The next number of the year. A transaction-scoped advisory lock serialises writers, so two reports
 * sent at the same moment never draw the same number (PGlite has one connection anyway).
 */
export async function nextIssueNo(db: Db, year: number): Promise<string> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('issue_no'))`);
  const [row] = await db
    .select({ no: sql<string | null>`max(${issues.no})` })
    .from(issues)
    .where(and(like(issues.no, `ZG-${year}-%`)));
  const last = row?.no ? parseIssueNo(row.no) : null;
  return formatIssueNo(year, (last?.seq ?? 0) + 1);
}
