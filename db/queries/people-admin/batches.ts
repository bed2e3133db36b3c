// Monthly 好人榜 batches in the editors' area: membership, and review as a whole (one transaction).
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { checkApproval, EDITABLE_STATUSES, overrideNote, transition, type ReviewParties, type WorkflowAction } from '@/lib/workflow';
import type { Db } from '../../client';
import { goodPeople, goodPeopleBatches, type ContentStatus } from '../../schema';
import { lastSubmitterId, recordReviewEvent } from '../workflow';
import { defaultBatchTitle, markBatchChanged, type Actor } from './people';

export async function listBatchesForAdmin(db: Db) {
  const people = db.select({ batchId: goodPeople.batchId, n: count().as('n') }).from(goodPeople).groupBy(goodPeople.batchId).as('people');
  return db
    .select({
      id: goodPeopleBatches.id,
      month: goodPeopleBatches.month,
      title: goodPeopleBatches.title,
      status: goodPeopleBatches.status,
      votingStart: goodPeopleBatches.votingStart,
      votingEnd: goodPeopleBatches.votingEnd,
      publishedAt: goodPeopleBatches.publishedAt,
      peopleCount: sql<number>`coalesce(${people.n}, 0)`.mapWith(Number),
    })
    .from(goodPeopleBatches)
    .leftJoin(people, eq(people.batchId, goodPeopleBatches.id))
    .orderBy(desc(goodPeopleBatches.month));
}

/** Batches people may still be added to (draft, rejected, offline), newest month first. */
export async function listOpenBatches(db: Db) {
  return db
    .select({ id: goodPeopleBatches.id, month: goodPeopleBatches.month, title: goodPeopleBatches.title, status: goodPeopleBatches.status })
    .from(goodPeopleBatches)
    .where(inArray(goodPeopleBatches.status, [...EDITABLE_STATUSES]))
    .orderBy(desc(goodPeopleBatches.month));
}

export async function findBatch(db: Db, id: number) {
  const [row] = await db.select().from(goodPeopleBatches).where(eq(goodPeopleBatches.id, id)).limit(1);
  return row ?? null;
}

export async function findBatchByMonth(db: Db, month: string) {
  const [row] = await db.select().from(goodPeopleBatches).where(eq(goodPeopleBatches.month, month)).limit(1);
  return row ?? null;
}

/** Inserts a month (its creator counts as its last editor); null when the month exists already. */
export async function createBatch(db: Db, values: { month: string; title: string }, actorId: number | null = null) {
  const [row] = await db.insert(goodPeopleBatches).values({ month: values.month, title: values.title, updatedBy: actorId }).onConflictDoNothing({ target: goodPeopleBatches.month }).returning();
  return row ?? null;
}

/** The month's batch, made (as a draft with the default title) when missing. */
export async function ensureMonthBatch(db: Db, month: string) {
  await db.insert(goodPeopleBatches).values({ month, title: defaultBatchTitle(month) }).onConflictDoNothing({ target: goodPeopleBatches.month });
  return (await findBatchByMonth(db, month))!;
}

/** Title and 点赞评议 window, over `baseVersion`; false when someone changed the batch meanwhile. */
export async function updateBatchDetails(db: Db, id: number, baseVersion: number, values: { title: string; votingStart: string | null; votingEnd: string | null }, actorId: number | null): Promise<boolean> {
  const rows = await db
    .update(goodPeopleBatches)
    .set({ ...values, version: baseVersion + 1, updatedBy: actorId, updatedAt: new Date() })
    .where(and(eq(goodPeopleBatches.id, id), eq(goodPeopleBatches.version, baseVersion)))
    .returning({ id: goodPeopleBatches.id });
  return rows.length > 0;
}

export async function listBatchPeople(db: Db, batchId: number) {
  return db
    .select({ id: goodPeople.id, name: goodPeople.name, category: goodPeople.category, level: goodPeople.level, status: goodPeople.status, likeCount: goodPeople.likeCount, viewCount: goodPeople.viewCount })
    .from(goodPeople)
    .where(eq(goodPeople.batchId, batchId))
    .orderBy(asc(goodPeople.category), asc(goodPeople.id));
}

/** Unpublished 身边好人/市级好人 not in this batch: candidates for 加入榜单. */
export async function listPeopleAddableTo(db: Db, batchId: number) {
  return db
    .select({ id: goodPeople.id, name: goodPeople.name, category: goodPeople.category, batchTitle: goodPeopleBatches.title })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(
      and(
        inArray(goodPeople.status, [...EDITABLE_STATUSES]),
        ne(goodPeople.level, '道德模范'),
        or(isNull(goodPeople.batchId), and(ne(goodPeople.batchId, batchId), inArray(goodPeopleBatches.status, [...EDITABLE_STATUSES]))),
      ),
    )
    .orderBy(desc(goodPeople.updatedAt))
    .limit(200);
}

/**
 * Puts a person into a batch (or takes them out with batchId null). Both the person and the batch must
 * still be open; checked on the locked rows. Both batches are marked as changed by `actorId` (三审三校).
 * Answers the previous batch id, or a message why not.
 */
export async function setPersonBatch(
  db: Db,
  personId: number,
  batchId: number | null,
  actorId: number | null,
  onDone?: (tx: Db, before: number | null) => Promise<void>,
): Promise<{ ok: true; before: number | null } | { ok: false; message: string }> {
  return db.transaction(async (t) => {
    const [person] = await t.select({ status: goodPeople.status, batchId: goodPeople.batchId, level: goodPeople.level }).from(goodPeople).where(eq(goodPeople.id, personId)).for('update').limit(1);
    if (!person) return { ok: false as const, message: '人物不存在或已被删除。' };
    if (!EDITABLE_STATUSES.includes(person.status)) return { ok: false as const, message: '此人正在审核或已发布，不能调整所属榜单。' };
    if (batchId !== null && person.level === '道德模范') return { ok: false as const, message: '道德模范按届评选，不加入月度榜单。' };
    for (const id of [person.batchId, batchId]) {
      if (id === null) continue;
      const [batch] = await t.select({ status: goodPeopleBatches.status }).from(goodPeopleBatches).where(eq(goodPeopleBatches.id, id)).for('update').limit(1);
      if (!batch) return { ok: false as const, message: '榜单不存在，请刷新页面。' };
      if (!EDITABLE_STATUSES.includes(batch.status)) return { ok: false as const, message: '该榜单正在审核或已发布，不能增减人物。' };
    }
    await t.update(goodPeople).set({ batchId, updatedAt: new Date() }).where(eq(goodPeople.id, personId));
    await markBatchChanged(t, [person.batchId, batchId], actorId);
    await onDone?.(t, person.batchId);
    return { ok: true as const, before: person.batchId };
  });
}

// Which people move with the batch, for each step of the batch's review.
const PEOPLE_FROM: Record<WorkflowAction, readonly ContentStatus[]> = {
  submit: EDITABLE_STATUSES,
  approve: ['pending'],
  reject: ['pending'],
  takeOffline: ['published'],
  forcePublish: ['draft', 'rejected', 'pending', 'offline'],
};

/** A batch's review step; `override` is the note of an admin's approval of their own work (三审三校). */
export type BatchMove = { from: ContentStatus; to: ContentStatus; people: { id: number; from: ContentStatus }[]; publishedAt: Date | null; override: string | null };

/**
 * Who wrote the batch under review (三审三校): whoever last changed its details or membership, the last
 * editor of each person in it, and whoever submitted it.
 */
export async function batchReviewParties(db: Db, batchId: number): Promise<ReviewParties> {
  const [[batch], editors, submitterId] = await Promise.all([
    db.select({ updatedBy: goodPeopleBatches.updatedBy }).from(goodPeopleBatches).where(eq(goodPeopleBatches.id, batchId)).limit(1),
    db.selectDistinct({ updatedBy: goodPeople.updatedBy }).from(goodPeople).where(eq(goodPeople.batchId, batchId)),
    lastSubmitterId(db, 'people_batch', batchId),
  ]);
  return { lastEditorIds: [batch?.updatedBy ?? null, ...editors.map((e) => e.updatedBy)], submitterId };
}

/**
 * One review step of a whole batch: the batch and its people change status together, with a review
 * event for each, in one transaction (checked on the locked batch row). Submitting an empty batch is
 * refused; approving publishes the batch and all its people at the same instant.
 */
export async function moveBatch(
  db: Db,
  batchId: number,
  action: WorkflowAction,
  actor: Actor,
  options: { reason?: string | null; overrideReason?: string | null; onMoved?: (tx: Db, move: BatchMove) => Promise<void> } = {},
): Promise<({ ok: true } & BatchMove) | { ok: false; message: string; needsOverrideReason?: boolean }> {
  return db.transaction(async (t) => {
    const [batch] = await t.select({ status: goodPeopleBatches.status }).from(goodPeopleBatches).where(eq(goodPeopleBatches.id, batchId)).for('update').limit(1);
    if (!batch) return { ok: false as const, message: '榜单不存在或已被删除。' };
    const reason = options.reason?.trim() || null;
    const rule = transition(batch.status, action, actor.role, reason);
    if (!rule.ok) return rule;
    let override: string | null = null;
    if (action === 'approve') {
      const check = checkApproval(actor, await batchReviewParties(t, batchId), options.overrideReason);
      if (!check.ok) return { ok: false as const, message: check.message, needsOverrideReason: check.needsOverrideReason };
      override = check.override ? overrideNote(check.override) : null;
    }
    const people = await t
      .select({ id: goodPeople.id, from: goodPeople.status })
      .from(goodPeople)
      .where(and(eq(goodPeople.batchId, batchId), inArray(goodPeople.status, [...PEOPLE_FROM[action]])))
      .orderBy(asc(goodPeople.id))
      .for('update');
    if (action === 'submit' && people.length === 0) return { ok: false as const, message: '榜单中还没有待提交的人物，不能提交审核。请先添加人物。' };
    const now = new Date();
    const publishedAt = rule.to === 'published' ? now : null;
    const published = publishedAt ? { publishedAt } : {};
    await t.update(goodPeopleBatches).set({ status: rule.to, updatedAt: now, ...published }).where(eq(goodPeopleBatches.id, batchId));
    if (people.length > 0) {
      await t.update(goodPeople).set({ status: rule.to, updatedAt: now, ...published }).where(inArray(goodPeople.id, people.map((p) => p.id)));
    }
    const note = override ?? reason;
    await recordReviewEvent(t, { entityType: 'people_batch', entityId: batchId, from: batch.status, to: rule.to, actor, reason: note });
    for (const p of people) await recordReviewEvent(t, { entityType: 'good_person', entityId: p.id, from: p.from, to: rule.to, actor, reason: note });
    const move = { from: batch.status, to: rule.to, people, publishedAt, override };
    await options.onMoved?.(t, move);
    return { ok: true as const, ...move };
  });
}
