// Comment moderation of 好人 profiles: the queue, approve / reject, and taking an approved comment down.
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client';
import { goodPeople, goodPersonCommentReports, goodPersonComments, type CommentStatus } from '../../schema';
import type { Actor } from './people';

export type CommentQueue = 'queue' | CommentStatus;

/** The moderation queue (pending and hidden-by-reports, oldest first), or comments of one status. */
export async function listCommentsForModeration(db: Db, which: CommentQueue, page: number, pageSize: number) {
  const where = which === 'queue' ? inArray(goodPersonComments.status, ['pending', 'hidden']) : eq(goodPersonComments.status, which);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: goodPersonComments.id,
        personId: goodPersonComments.personId,
        personName: goodPeople.name,
        nickname: goodPersonComments.nickname,
        body: goodPersonComments.body,
        flaggedWords: goodPersonComments.flaggedWords,
        status: goodPersonComments.status,
        reportCount: goodPersonComments.reportCount,
        rejectReason: goodPersonComments.rejectReason,
        createdAt: goodPersonComments.createdAt,
      })
      .from(goodPersonComments)
      .innerJoin(goodPeople, eq(goodPeople.id, goodPersonComments.personId))
      .where(where)
      .orderBy(which === 'queue' ? asc(goodPersonComments.createdAt) : desc(goodPersonComments.createdAt), asc(goodPersonComments.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(goodPersonComments).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** A comment's text as moderators see it (in full: they decide on it). */
export async function findCommentForModeration(db: Db, id: number) {
  const [comment] = await db
    .select({ id: goodPersonComments.id, status: goodPersonComments.status, nickname: goodPersonComments.nickname, body: goodPersonComments.body })
    .from(goodPersonComments)
    .where(eq(goodPersonComments.id, id))
    .limit(1);
  return comment ?? null;
}

export type CommentDecision = 'approve' | 'reject' | 'takeDown';
export type CommentChange = { from: CommentStatus; to: CommentStatus; personId: number; reportCount: number };

const DECIDES_FROM: Record<CommentDecision, readonly CommentStatus[]> = { approve: ['pending', 'hidden'], reject: ['pending', 'hidden'], takeDown: ['approved'] };

/**
 * 通过 / 不通过 a pending or hidden comment, or 撤下 (takeDown) an approved one: it leaves the person's page,
 * with the reason kept. Approving a hidden one also clears its reports (count and rows), so citizens can
 * report it again if needed. `text` replaces the nickname and body in the same update (approving with
 * personal numbers masked). Answers the change, or null when the comment is not in a state the decision
 * applies to (already decided, or taken down meanwhile).
 */
export async function moderateComment(
  db: Db,
  id: number,
  decision: CommentDecision,
  actor: Actor,
  options: { reason?: string | null; text?: { nickname: string; body: string } | null; onDone?: (tx: Db, change: CommentChange) => Promise<void> } = {},
): Promise<CommentChange | null> {
  return db.transaction(async (t) => {
    const [comment] = await t
      .select({ status: goodPersonComments.status, personId: goodPersonComments.personId, reportCount: goodPersonComments.reportCount })
      .from(goodPersonComments)
      .where(eq(goodPersonComments.id, id))
      .for('update')
      .limit(1);
    if (!comment || !DECIDES_FROM[decision].includes(comment.status)) return null;
    const to: CommentStatus = decision === 'approve' ? 'approved' : 'rejected';
    const clearReports = decision === 'approve' && comment.status === 'hidden';
    await t
      .update(goodPersonComments)
      .set({
        status: to,
        moderatedBy: actor.id,
        moderatedAt: new Date(),
        rejectReason: decision === 'approve' ? null : options.reason?.trim() || null,
        ...(clearReports ? { reportCount: 0 } : {}),
        ...(decision === 'approve' && options.text ? { nickname: options.text.nickname, body: options.text.body } : {}),
      })
      .where(eq(goodPersonComments.id, id));
    if (clearReports) await t.delete(goodPersonCommentReports).where(eq(goodPersonCommentReports.commentId, id));
    const change = { from: comment.status, to, personId: comment.personId, reportCount: comment.reportCount };
    await options.onDone?.(t, change);
    return change;
  });
}
