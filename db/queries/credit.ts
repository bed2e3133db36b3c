// 诚信红黑榜 queries. publicCredit() is the one definition of "visible to citizens": 公示中, listed,
// inside its publication period (computed from dates, so expiry needs no job), in a published batch.
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import { maskPersonName } from '@/lib/mask';
import type { Db } from '../client';
import { creditBatches, creditCategories, creditEntries, type CreditList, type SubjectKind } from '../schema';

export function publicCredit(today: string = cityDay(), now: Date = new Date()): SQL {
  return and(
    eq(creditEntries.status, 'public'),
    lte(creditEntries.listedDate, today),
    gte(creditEntries.publicationEnd, today),
    eq(creditBatches.status, 'published'),
    lte(creditBatches.publishedAt, now),
  )!;
}

/** Natural persons' names follow the category's masking rule; organisations are shown in full. */
export function publicSubjectName(entry: { name: string; subjectKind: SubjectKind; personNameMasking: 'masked' | 'full' }): string {
  return entry.subjectKind === '自然人' && entry.personNameMasking === 'masked' ? maskPersonName(entry.name) : entry.name;
}

// Only columns that may be shown publicly; the full id_number column is never selected here.
const publicColumns = {
  id: creditEntries.id,
  list: creditEntries.list,
  category: creditCategories.name,
  personNameMasking: creditCategories.personNameMasking,
  subjectKind: creditEntries.subjectKind,
  name: creditEntries.name,
  creditCode: creditEntries.creditCode,
  idNumberMasked: creditEntries.idNumberMasked,
  decisionDate: creditEntries.decisionDate,
  listedDate: creditEntries.listedDate,
  publicationEnd: creditEntries.publicationEnd,
  authority: creditEntries.authority,
};

type PublicRow = {
  id: number;
  list: CreditList;
  category: string;
  personNameMasking: 'masked' | 'full';
  subjectKind: SubjectKind;
  name: string;
  creditCode: string | null;
  idNumberMasked: string | null;
  decisionDate: string;
  listedDate: string;
  publicationEnd: string;
  authority: string;
};

function toPublicEntry({ personNameMasking, ...row }: PublicRow) {
  return { ...row, name: publicSubjectName({ ...row, personNameMasking }) };
}
export type PublicCreditEntry = ReturnType<typeof toPublicEntry>;

export async function findLatestPublicCreditBatch(db: Db) {
  const [batch] = await db
    .select({ id: creditBatches.id, title: creditBatches.title, publishedAt: creditBatches.publishedAt })
    .from(creditBatches)
    .where(and(eq(creditBatches.status, 'published'), lte(creditBatches.publishedAt, new Date())))
    .orderBy(desc(creditBatches.publishedAt), desc(creditBatches.id))
    .limit(1);
  return batch ?? null;
}

export async function listPublicEntriesOfBatch(db: Db, batchId: number, list: CreditList, limit: number): Promise<PublicCreditEntry[]> {
  const rows = await db
    .select(publicColumns)
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(publicCredit(), eq(creditEntries.batchId, batchId), eq(creditEntries.list, list)))
    .orderBy(desc(creditEntries.listedDate), desc(creditEntries.id))
    .limit(limit);
  return rows.map(toPublicEntry);
}

export async function countPublicCreditByList(db: Db): Promise<Record<CreditList, number>> {
  const rows = await db
    .select({ list: creditEntries.list, n: count() })
    .from(creditEntries)
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(publicCredit())
    .groupBy(creditEntries.list);
  const counts: Record<CreditList, number> = { red: 0, black: 0 };
  for (const row of rows) counts[row.list] = row.n;
  return counts;
}

export async function countPublicCreditByCategory(db: Db) {
  return db
    .select({ id: creditCategories.id, list: creditCategories.list, name: creditCategories.name, n: count(creditBatches.id) })
    .from(creditCategories)
    .leftJoin(creditEntries, eq(creditEntries.categoryId, creditCategories.id))
    .leftJoin(creditBatches, and(eq(creditBatches.id, creditEntries.batchId), publicCredit()))
    .groupBy(creditCategories.id)
    .orderBy(creditCategories.sortOrder, creditCategories.id);
}

/** One public entry with the facts citizens may see (never the full ID number, address or phone). */
export async function findPublicCreditEntry(db: Db, id: number) {
  const [row] = await db
    .select({
      ...publicColumns,
      legalRep: creditEntries.legalRep,
      reason: creditEntries.reason,
      amount: creditEntries.amount,
      basisDoc: creditEntries.basisDoc,
      batchId: creditBatches.id,
      batchTitle: creditBatches.title,
    })
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(and(publicCredit(), eq(creditEntries.id, id)))
    .limit(1);
  if (!row) return null;
  const { legalRep, reason, amount, basisDoc, batchId, batchTitle, ...base } = row;
  return { ...toPublicEntry(base), legalRep, reason, amount, basisDoc, batchId, batchTitle };
}
