// 好人榜 queries. publicPeople() is the one definition of "visible to citizens"; candidatePeople() adds the
// people of a batch in its 点赞评议 window. Public reads only (citizens' writes are in people-citizen.ts);
// every row leaves through maskPublicFields / maskPublicRows (personal numbers in old text masked).
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { goodPeople, goodPeopleBatches, goodPersonComments } from '../schema';
import { cityDay } from '@/lib/dates';
import type { PeopleFilters } from '@/lib/people-public';
import { maskPublicFields, maskPublicRows } from '@/lib/pii-detect';
import { mediaVariantsOf } from './media';

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
  return batch ? maskPublicFields(batch) : null;
}

export async function listPublicPeopleOfBatch(db: Db, batchId: number, limit = 100) {
  const rows = await db
    .select({
      id: goodPeople.id,
      name: goodPeople.name,
      category: goodPeople.category,
      level: goodPeople.level,
      region: goodPeople.region,
      deed: goodPeople.deed,
      photo: goodPeople.photo,
      photoAlt: goodPeople.photoAlt,
      photoVariants: mediaVariantsOf(goodPeople.photo),
    })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), eq(goodPeople.batchId, batchId)))
    .orderBy(goodPeople.category, goodPeople.id)
    .limit(limit);
  return maskPublicRows(rows);
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
  photo: goodPeople.photo,
  photoAlt: goodPeople.photoAlt,
  photoVariants: mediaVariantsOf(goodPeople.photo),
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
  return batch ? maskPublicFields(batch) : null;
}

/** Published monthly batches, newest first; `limit` keeps the newest ones only (the archive beside a batch). */
export async function listPublicBatches(db: Db, limit?: number) {
  const query = db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title })
    .from(goodPeopleBatches)
    .where(publicBatches())
    .orderBy(desc(goodPeopleBatches.month));
  return maskPublicRows(await (limit === undefined ? query : query.limit(limit)));
}

export async function listPublicPeopleCards(db: Db, options: { batchId?: number; level?: '道德模范' }) {
  const filters = [publicPeople()];
  if (options.batchId) filters.push(eq(goodPeople.batchId, options.batchId));
  if (options.level) filters.push(eq(goodPeople.level, options.level));
  return maskPublicRows(
    await db
      .select(cardColumns)
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(...filters))
      .orderBy(goodPeople.category, goodPeople.id),
  );
}

/** A person's profile page: the card, the full story, and the batch (left-joined). */
const profileColumns = {
  ...cardColumns,
  gender: goodPeople.gender,
  birthYear: goodPeople.birthYear,
  unit: goodPeople.unit,
  term: goodPeople.term,
  story: goodPeople.story,
  honors: goodPeople.honors,
  batchMonth: goodPeopleBatches.month,
  batchTitle: goodPeopleBatches.title,
};

export async function findPublicPerson(db: Db, id: number) {
  const [person] = await db
    .select(profileColumns)
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), eq(goodPeople.id, id)))
    .limit(1);
  return person ? maskPublicFields(person) : null;
}

/** Batches whose 点赞评议 window contains `today` (city day) and that are not yet published. */
export function openVotingBatches(today: string = cityDay()): SQL {
  return and(
    notInArray(goodPeopleBatches.status, ['published', 'offline']),
    isNotNull(goodPeopleBatches.votingStart),
    lte(goodPeopleBatches.votingStart, today),
    gte(goodPeopleBatches.votingEnd, today),
  )!;
}

/** Candidates: people (draft or pending, never rejected or offline) of a batch whose voting window is open. */
export function candidatePeople(today: string = cityDay()): SQL {
  return and(openVotingBatches(today), inArray(goodPeople.status, ['draft', 'pending']))!;
}

/** Who citizens may see, like and comment on: public people and current candidates (joined with batches). */
export function visiblePeople(today: string = cityDay(), now: Date = new Date()): SQL {
  return or(publicPeople(now), candidatePeople(today))!;
}

// Publication year: the batch's month for monthly lists, the publication day for 道德模范 and others.
const publicationYear = sql<string>`coalesce(substr(${goodPeopleBatches.month}, 1, 4), to_char(${goodPeople.publishedAt} at time zone 'Asia/Shanghai', 'YYYY'))`;

function filterConditions(filters: PeopleFilters): SQL[] {
  const conditions = [publicPeople()];
  if (filters.category) conditions.push(eq(goodPeople.category, filters.category));
  if (filters.level) conditions.push(eq(goodPeople.level, filters.level));
  if (filters.year) conditions.push(sql`${publicationYear} = ${String(filters.year)}`);
  return conditions;
}

/** Public people matching the list filters, newest first, one page at a time. */
export async function listFilteredPeople(db: Db, filters: PeopleFilters, page: number, pageSize: number) {
  const where = and(...filterConditions(filters));
  const [rows, [total]] = await Promise.all([
    db
      .select(cardColumns)
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(where)
      .orderBy(desc(goodPeople.publishedAt), desc(goodPeople.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(goodPeople).leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId)).where(where),
  ]);
  return { rows: maskPublicRows(rows), total: total?.n ?? 0 };
}

/** The years that have public people, newest first (for the year filter). */
export async function listPublicYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: publicationYear })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(publicPeople());
  return rows
    .map((r) => Number(r.year))
    .filter((y) => Number.isInteger(y) && y > 0)
    .sort((a, b) => b - a);
}

/** Every published month with the number of public people in it, newest first (the archive). */
export async function listPublicBatchesWithCounts(db: Db) {
  const rows = await db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title, people: count(goodPeople.id) })
    .from(goodPeopleBatches)
    .leftJoin(goodPeople, and(eq(goodPeople.batchId, goodPeopleBatches.id), eq(goodPeople.status, 'published'), lte(goodPeople.publishedAt, new Date())))
    .where(publicBatches())
    .groupBy(goodPeopleBatches.id)
    .orderBy(desc(goodPeopleBatches.month));
  return maskPublicRows(rows);
}

/** Public 道德模范 with their 届, newest term first. */
export async function listPublicModels(db: Db) {
  const rows = await db
    .select({ ...cardColumns, term: goodPeople.term })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(publicPeople(), eq(goodPeople.level, '道德模范')))
    .orderBy(sql`${goodPeople.term} desc nulls last`, goodPeople.category, goodPeople.id);
  return maskPublicRows(rows);
}

/** Batches open for 点赞评议 today. */
export async function listOpenVotingBatches(db: Db, today: string = cityDay()) {
  const rows = await db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title, votingStart: goodPeopleBatches.votingStart, votingEnd: goodPeopleBatches.votingEnd })
    .from(goodPeopleBatches)
    .where(openVotingBatches(today))
    .orderBy(desc(goodPeopleBatches.month));
  return maskPublicRows(rows);
}

/** The candidates of every batch in its voting window, grouped by batch id then category. */
export async function listCandidates(db: Db, today: string = cityDay()) {
  const rows = await db
    .select({ ...cardColumns, batchId: goodPeople.batchId })
    .from(goodPeople)
    .innerJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(candidatePeople(today))
    .orderBy(desc(goodPeopleBatches.month), goodPeople.category, goodPeople.id);
  return maskPublicRows(rows);
}

/**
 * A profile citizens may open: a public person, or a current candidate (`candidate: true`). Batch
 * details are given only for a published batch, so a candidate's page links no unpublished list.
 */
export async function findVisiblePerson(db: Db, id: number, today: string = cityDay()) {
  const [person] = await db
    .select({
      ...profileColumns,
      isPublic: sql<boolean>`coalesce(${publicPeople()}, false)`.mapWith(Boolean),
    })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(visiblePeople(today), eq(goodPeople.id, id)))
    .limit(1);
  if (!person) return null;
  const { isPublic, ...rest } = maskPublicFields(person);
  return isPublic ? { ...rest, candidate: false } : { ...rest, batchMonth: null, batchTitle: null, candidate: true };
}

/** Approved comments of a person, newest first. Pending, rejected and hidden ones never leave here. */
export async function listApprovedComments(db: Db, personId: number, page: number, pageSize: number) {
  const where = and(eq(goodPersonComments.personId, personId), eq(goodPersonComments.status, 'approved'));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: goodPersonComments.id, nickname: goodPersonComments.nickname, body: goodPersonComments.body, createdAt: goodPersonComments.createdAt })
      .from(goodPersonComments)
      .where(where)
      .orderBy(desc(goodPersonComments.createdAt), desc(goodPersonComments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(goodPersonComments).where(where),
  ]);
  return { rows: maskPublicRows(rows), total: total?.n ?? 0 };
}
