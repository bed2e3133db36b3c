// Comment moderation of 好人 profiles: the queue and approve / reject / hide.
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

/**
 * 通过 or 不通过 a pending or hidden comment. Approving a hidden one also clears its reports (count and
 * rows), so citizens can report it again if needed. Answers the change, or null when already decided.
 */
export async function moderateComment(
  db: Db,
  id: number,
  decision: 'approve' | 'reject',
  actor: Actor,
  options: { reason?: string | null; onDone?: (tx: Db, change: { from: CommentStatus; to: CommentStatus; personId: number; reportCount: number }) => Promise<void> } = {},
): Promise<{ from: CommentStatus; to: CommentStatus; personId: number; reportCount: number } | null> {
  return db.transaction(async (t) => {
    const [comment] = await t
      .select({ status: goodPersonComments.status, personId: goodPersonComments.personId, reportCount: goodPersonComments.reportCount })
      .from(goodPersonComments)
      .where(eq(goodPersonComments.id, id))
      .for('update')
      .limit(1);
    if (!comment || (comment.status !== 'pending' && comment.status !== 'hidden')) return null;
    const to: CommentStatus = decision === 'approve' ? 'approved' : 'rejected';
    const clearReports = decision === 'approve' && comment.status === 'hidden';
    await t
      .update(goodPersonComments)
      .set({
        status: to,
        moderatedBy: actor.id,
        moderatedAt: new Date(),
        rejectReason: decision === 'reject' ? options.reason?.trim() || null : null,
        ...(clearReports ? { reportCount: 0 } : {}),
      })
      .where(eq(goodPersonComments.id, id));
    if (clearReports) await t.delete(goodPersonCommentReports).where(eq(goodPersonCommentReports.commentId, id));
    const change = { from: comment.status, to, personId: comment.personId, reportCount: comment.reportCount };
    await options.onDone?.(t, change);
    return change;
  });
}
