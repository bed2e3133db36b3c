// 好人榜 queries. publicPeople() is the one definition of "visible to citizens".
import { and, count, desc, eq, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { goodPeople, goodPeopleBatches } from '../schema';

/** A person is public when published and either in a published batch or outside batches (道德模范). */
export function publicPeople(now: Date = new Date()): SQL {
  return and(
    eq(goodPeople.status, 'published'),
    lte(goodPeople.publishedAt, now),
    or(isNull(goodPeople.batchId), and(eq(goodPeopleBatches.status, 'published'), lte(goodPeopleBatches.publishedAt, now))),
  )!;
}

export function publicBatches(now: Date = new Date()): SQL {
  return and(eq(goodPeopleBatches.status, 'published'), lte(goodPeopleBatches.publishedAt, now))!;
}

export async function findLatestPublicBatch(db: Db) {
  const [batch] = await db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title })
    .from(goodPeopleBatches)
    .where(publicBatches())
    .orderBy(desc(goodPeopleBatches.month))
    .limit(1);
  return batch ?? null;
}

export async function listPublicPeopleOfBatch(db: Db, batchId: number, limit = 100) {
  return db
    .select({
      id: goodPeople.id,
      name: goodPeople.name,
      category: goodPeople.category,
      level: goodPeople.level,
      region: goodPeople.region,
      deed: goodPeople.deed,
    })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), eq(goodPeople.batchId, batchId)))
    .orderBy(goodPeople.category, goodPeople.id)
    .limit(limit);
}

export async function countPublicPeople(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(publicPeople());
  return row?.n ?? 0;
}

const cardColumns = {
  id: goodPeople.id,
  name: goodPeople.name,
  category: goodPeople.category,
  level: goodPeople.level,
  region: goodPeople.region,
  deed: goodPeople.deed,
  likeCount: goodPeople.likeCount,
};

export async function findPublicBatchByMonth(db: Db, month: string) {
  const [batch] = await db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title })
    .from(goodPeopleBatches)
    .where(and(publicBatches(), eq(goodPeopleBatches.month, month)))
    .limit(1);
  return batch ?? null;
}

export async function listPublicBatches(db: Db) {
  return db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title })
    .from(goodPeopleBatches)
    .where(publicBatches())
    .orderBy(desc(goodPeopleBatches.month));
}

export async function listPublicPeopleCards(db: Db, options: { batchId?: number; level?: '道德模范' }) {
  const filters = [publicPeople()];
  if (options.batchId) filters.push(eq(goodPeople.batchId, options.batchId));
  if (options.level) filters.push(eq(goodPeople.level, options.level));
  return db
    .select(cardColumns)
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(...filters))
    .orderBy(goodPeople.category, goodPeople.id);
}

export async function findPublicPerson(db: Db, id: number) {
  const [person] = await db
    .select({
      ...cardColumns,
      gender: goodPeople.gender,
      birthYear: goodPeople.birthYear,
      unit: goodPeople.unit,
      term: goodPeople.term,
      story: goodPeople.story,
      honors: goodPeople.honors,
      batchMonth: goodPeopleBatches.month,
      batchTitle: goodPeopleBatches.title,
    })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), eq(goodPeople.id, id)))
    .limit(1);
  return person ?? null;
}
