// Citizens' writes on the 好人榜: likes, comments, comment reports, page views and recommendations.
// Counters change only in the statement that knows a row was really added, so concurrent requests can
// neither lose nor double an increment.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { goodPeople, goodPeopleBatches, goodPersonCommentReports, goodPersonComments, goodPersonLikes, goodPersonRecommendations } from '../schema';
import { cityDay } from '@/lib/dates';
import { makeTrackingNo } from '@/lib/citizen-input';
import type { StoredCitizenFile } from '@/lib/stored-files';
import { isUniqueViolation } from './news-admin';
import { findPublicPerson, visiblePeople } from './people';
import { samePhone } from './phones';
import { assignPrivateFiles, insertPrivateFile } from './private-files';

/** Comments with this many reports (from different browsers on different addresses) hide themselves until a moderator decides. */
export const REPORTS_TO_HIDE = 3;

export type LikeResult = { outcome: 'liked' | 'already'; likeCount: number } | { outcome: 'unavailable' };

/**
 * One like per person per voter per city day. The insert only happens for a public person or a current
 * candidate (checked in the same statement); like_count rises only when the insert added a row.
 */
export async function likePerson(db: Db, personId: number, voterKey: string, today: string = cityDay()): Promise<LikeResult> {
  return db.transaction(async (t) => {
    const visible = t
      .select({
        personId: goodPeople.id,
        day: sql<string>`${today}::date`.as('day'),
        voterKey: sql<string>`${voterKey}`.as('voter_key'),
        createdAt: sql<Date>`now()`.as('created_at'),
      })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(eq(goodPeople.id, personId), visiblePeople(today)));
    const inserted = await t.insert(goodPersonLikes).select(visible).onConflictDoNothing().returning({ personId: goodPersonLikes.personId });
    if (inserted.length > 0) {
      const [row] = await t
        .update(goodPeople)
        .set({ likeCount: sql`${goodPeople.likeCount} + 1` })
        .where(eq(goodPeople.id, personId))
        .returning({ likeCount: goodPeople.likeCount });
      return { outcome: 'liked', likeCount: row!.likeCount };
    }
    const [current] = await t
      .select({ likeCount: goodPeople.likeCount })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(and(eq(goodPeople.id, personId), visiblePeople(today)));
    return current ? { outcome: 'already', likeCount: current.likeCount } : { outcome: 'unavailable' };
  });
}

/**
 * What the like button shows: whether this voter's like for the person counts today, and the count. Null
 * when the person is not visible to citizens.
 */
export async function findLikeState(db: Db, personId: number, voterKey: string | null, today: string = cityDay()): Promise<{ liked: boolean; likeCount: number } | null> {
  const liked = voterKey
    ? sql<boolean>`exists (select 1 from ${goodPersonLikes} where ${goodPersonLikes.personId} = ${personId} and ${goodPersonLikes.day} = ${today}::date and ${goodPersonLikes.voterKey} = ${voterKey})`
    : sql<boolean>`false`;
  const [row] = await db
    .select({ likeCount: goodPeople.likeCount, liked })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(eq(goodPeople.id, personId), visiblePeople(today)));
  return row ? { liked: Boolean(row.liked), likeCount: row.likeCount } : null;
}

/** A citizen's comment, pending moderation. Null when the person is not visible to citizens. */
export async function addComment(db: Db, input: { personId: number; nickname: string; body: string; flaggedWords: string[] }, today: string = cityDay()): Promise<number | null> {
  const [visible] = await db
    .select({ id: goodPeople.id })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(eq(goodPeople.id, input.personId), visiblePeople(today)));
  if (!visible) return null;
  const [row] = await db.insert(goodPersonComments).values({ ...input, status: 'pending' }).returning({ id: goodPersonComments.id });
  return row!.id;
}

export type ReportResult = 'counted' | 'already' | 'unavailable';

/** Who reports: the browser's stored key and, when known, the address's (either one seen before makes a repeat). */
export type Reporter = { reporterKey: string; addressKey: string | null };

/**
 * One report per comment per browser and per address, on approved comments only. The comment row is
 * locked first, so reports arriving together are counted one after another and the third one always
 * hides the comment.
 */
export async function reportComment(db: Db, commentId: number, reporter: Reporter): Promise<ReportResult> {
  return db.transaction(async (t) => {
    const [comment] = await t.select({ status: goodPersonComments.status }).from(goodPersonComments).where(eq(goodPersonComments.id, commentId)).for('update');
    if (!comment || comment.status !== 'approved') return 'unavailable';
    // No conflict target: a repeat of either key (browser or address) adds nothing.
    const inserted = await t
      .insert(goodPersonCommentReports)
      .values({ commentId, reporterKey: reporter.reporterKey, addressKey: reporter.addressKey })
      .onConflictDoNothing()
      .returning({ commentId: goodPersonCommentReports.commentId });
    const reports = sql`(select count(*) from ${goodPersonCommentReports} where ${goodPersonCommentReports.commentId} = ${commentId})`;
    await t
      .update(goodPersonComments)
      .set({
        reportCount: sql`${reports}::int`,
        status: sql`case when ${goodPersonComments.status} = 'approved' and ${reports} >= ${REPORTS_TO_HIDE} then 'hidden'::comment_status else ${goodPersonComments.status} end`,
      })
      .where(eq(goodPersonComments.id, commentId));
    return inserted.length > 0 ? 'counted' : 'already';
  });
}

/** Adds page views to a visible person (the beacon dedupes per visitor before calling). */
export async function addPersonViews(db: Db, personId: number, views: number, today: string = cityDay()): Promise<boolean> {
  const visible = db
    .select({ id: goodPeople.id })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(and(eq(goodPeople.id, personId), visiblePeople(today)));
  const rows = await db
    .update(goodPeople)
    .set({ viewCount: sql`${goodPeople.viewCount} + ${views}` })
    .where(sql`${goodPeople.id} in ${visible}`)
    .returning({ id: goodPeople.id });
  return rows.length > 0;
}

export type RecommendationInput = Pick<
  typeof goodPersonRecommendations.$inferInsert,
  'nomineeName' | 'region' | 'category' | 'deed' | 'story' | 'recommenderName' | 'recommenderPhone' | 'flaggedWords'
> & { photoIds: number[] };

/**
 * Saves a recommendation under a new receipt number. Each attempt runs in its own (nested) transaction,
 * so a receipt collision inside a caller's transaction rolls back to a savepoint and a new number is drawn.
 */
export async function insertRecommendation(db: Db, input: RecommendationInput, today: string = cityDay()): Promise<{ id: number; receiptNo: string }> {
  for (let attempt = 0; ; attempt++) {
    const receiptNo = makeTrackingNo('TJ', today);
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(goodPersonRecommendations)
          .values({ ...input, receiptNo })
          .returning({ id: goodPersonRecommendations.id, receiptNo: goodPersonRecommendations.receiptNo });
        return row!;
      });
    } catch (error) {
      if (attempt >= 4 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** A recommendation with its stored photos: file rows, the recommendation and the links, in one transaction. */
export async function saveRecommendation(
  db: Db,
  input: Omit<RecommendationInput, 'photoIds'>,
  photos: readonly (StoredCitizenFile & { originalName: string })[],
  today: string = cityDay(),
): Promise<{ id: number; receiptNo: string }> {
  return db.transaction(async (t) => {
    const photoIds: number[] = [];
    for (const photo of photos) photoIds.push(await insertPrivateFile(t, { ...photo, purpose: 'recommendation' }));
    const saved = await insertRecommendation(t, { ...input, photoIds }, today);
    await assignPrivateFiles(t, photoIds, 'recommendation', saved.id);
    return saved;
  });
}

export type RecommendationStatusView = {
  receiptNo: string;
  nomineeName: string;
  category: string;
  status: 'pending' | 'accepted' | 'rejected';
  rejectReason: string | null;
  submittedAt: Date;
  recommenderPhone: string;
  /** The profile, only once it is public. */
  publicPersonId: number | null;
};

/** The status of a recommendation, only for the matching receipt number and phone; otherwise null. */
export async function findRecommendationStatus(db: Db, receiptNo: string, phone: string): Promise<RecommendationStatusView | null> {
  const [row] = await db
    .select({
      receiptNo: goodPersonRecommendations.receiptNo,
      nomineeName: goodPersonRecommendations.nomineeName,
      category: goodPersonRecommendations.category,
      status: goodPersonRecommendations.status,
      rejectReason: goodPersonRecommendations.rejectReason,
      submittedAt: goodPersonRecommendations.createdAt,
      recommenderPhone: goodPersonRecommendations.recommenderPhone,
      personId: goodPersonRecommendations.personId,
    })
    .from(goodPersonRecommendations)
    .where(and(eq(goodPersonRecommendations.receiptNo, receiptNo), samePhone(goodPersonRecommendations.recommenderPhone, phone)))
    .limit(1);
  if (!row) return null;
  const { personId, ...rest } = row;
  const person = row.status === 'accepted' && personId ? await findPublicPerson(db, personId) : null;
  return { ...rest, rejectReason: row.status === 'rejected' ? row.rejectReason : null, publicPersonId: person?.id ?? null };
}
