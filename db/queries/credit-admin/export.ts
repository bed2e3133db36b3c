// Export of the public (masked) view of the 红黑榜.
import { and, asc, eq, gt, ilike, or } from 'drizzle-orm';
import { normalizeCreditCode } from '@/lib/credit-code';
import type { Db } from '../../client';
import { creditBatches, creditCategories, creditEntries, type CreditList } from '../../schema';
import { publicCredit, publicDetailColumns, toPublicEntry } from '../credit';
import { likeContains } from '@/lib/lookup-text';

export type PublicExportFilter = { list?: CreditList; categoryId?: number; batchId?: number; q?: string };

/** The public view (公示中 only, names and personal numbers masked as the public pages show them, masked ID numbers), in id order, batch by batch. */
export async function* iteratePublicCreditExport(db: Db, filter: PublicExportFilter, batchSize = 1000) {
  const q = filter.q?.trim();
  const base = and(
    publicCredit(),
    filter.list ? eq(creditEntries.list, filter.list) : undefined,
    filter.categoryId ? eq(creditEntries.categoryId, filter.categoryId) : undefined,
    filter.batchId ? eq(creditEntries.batchId, filter.batchId) : undefined,
    q ? or(ilike(creditEntries.name, likeContains(q)), eq(creditEntries.creditCode, normalizeCreditCode(q))) : undefined,
  );
  let after = 0;
  for (;;) {
    const rows = await db
      .select(publicDetailColumns)
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(and(base, gt(creditEntries.id, after)))
      .orderBy(asc(creditEntries.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(toPublicEntry);
    after = rows[rows.length - 1]!.id;
  }
}
export type PublicExportRow = { id: number; list: CreditList; category: string; subjectKind: string; name: string; creditCode: string | null; idNumberMasked: string | null; legalRep: string | null; reason: string; amount: string | null; authority: string; basisDoc: string; decisionDate: string; listedDate: string; publicationEnd: string; batchTitle: string };
