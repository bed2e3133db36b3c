// 好人榜 in the editors' area: people (versioned saves), monthly batches and their review as a whole,
// citizens' recommendations, comment moderation and per-batch statistics. Multi-row changes run in one
// transaction; callers pass their audit step in, so it commits (or fails) together with the change.
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, ne, or, sql, sum, type SQL } from 'drizzle-orm';
import { EDITABLE_STATUSES, transition, type WorkflowAction } from '@/lib/workflow';
import type { UserRole } from '../schema';
import type { Db } from '../client';
import { ADMIN_COUNT_CAP, countUpTo, ONE } from './capped-count';
import {
  goodPeople,
  goodPeopleBatches,
  goodPersonCommentReports,
  goodPersonComments,
  goodPersonRecommendations,
  type CommentStatus,
  type ContentStatus,
  type RecommendationStatus,
} from '../schema';
import { recordReviewEvent } from './workflow';

export type Actor = { id: number; displayName: string; role: UserRole };
type Category = (typeof goodPeople.$inferSelect)['category'];
type Level = (typeof goodPeople.$inferSelect)['level'];



function likeFragment(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The instant a city month ('yyyy-mm') starts, and the next month's start. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

/** `2026年3月 身边好人榜`. */
export function defaultBatchTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月 身边好人榜`;
}

// -------------------------------------------------------------------------------------------- people

export type PersonFields = {
  name: string;
  photo: string | null;
  photoAlt: string | null;
  gender: '男' | '女' | null;
  birthYear: number | null;
  region: string;
  unit: string | null;
  category: Category;
  level: Level;
  batchId: number | null;
  term: number | null;
  deed: string;
  story: string;
  honors: string;
};

const FIELD_KEYS = ['name', 'photo', 'photoAlt', 'gender', 'birthYear', 'region', 'unit', 'category', 'level', 'batchId', 'term', 'deed', 'story', 'honors'] as const;

export function personFieldsOf(row: PersonFields): PersonFields {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, row[k] ?? null])) as PersonFields;
}

export type AdminPeopleFilter = { batchId?: number | 'none'; status?: ContentStatus; category?: Category; level?: Level; q?: string };

function peopleFilter(filter: AdminPeopleFilter): SQL | undefined {
  const q = filter.q?.trim();
  return and(
    filter.batchId === 'none' ? isNull(goodPeople.batchId) : filter.batchId ? eq(goodPeople.batchId, filter.batchId) : undefined,
    filter.status ? eq(goodPeople.status, filter.status) : undefined,
    filter.category ? eq(goodPeople.category, filter.category) : undefined,
    filter.level ? eq(goodPeople.level, filter.level) : undefined,
    q ? ilike(goodPeople.name, likeFragment(q)) : undefined,
  );
}

export async function listAdminPeople(db: Db, filter: AdminPeopleFilter, page: number, pageSize: number) {
  const where = peopleFilter(filter);
  const [items, total] = await Promise.all([
    db
      .select({
        id: goodPeople.id,
        name: goodPeople.name,
        category: goodPeople.category,
        level: goodPeople.level,
        region: goodPeople.region,
        status: goodPeople.status,
        batchTitle: goodPeopleBatches.title,
        updatedAt: goodPeople.updatedAt,
      })
      .from(goodPeople)
      .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
      .where(where)
      .orderBy(desc(goodPeople.updatedAt), desc(goodPeople.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    countUpTo(db, db.select(ONE).from(goodPeople).where(where).$dynamic(), ADMIN_COUNT_CAP),
  ]);
  return { items, ...total };
}

const fieldColumns = {
  name: goodPeople.name,
  photo: goodPeople.photo,
  photoAlt: goodPeople.photoAlt,
  gender: goodPeople.gender,
  birthYear: goodPeople.birthYear,
  region: goodPeople.region,
  unit: goodPeople.unit,
  category: goodPeople.category,
  level: goodPeople.level,
  batchId: goodPeople.batchId,
  term: goodPeople.term,
  deed: goodPeople.deed,
  story: goodPeople.story,
  honors: goodPeople.honors,
};

export async function findPersonForEdit(db: Db, id: number) {
  const [row] = await db
    .select({
      id: goodPeople.id,
      ...fieldColumns,
      status: goodPeople.status,
      version: goodPeople.version,
      likeCount: goodPeople.likeCount,
      viewCount: goodPeople.viewCount,
      publishedAt: goodPeople.publishedAt,
      updatedAt: goodPeople.updatedAt,
      batchMonth: goodPeopleBatches.month,
      batchTitle: goodPeopleBatches.title,
      batchStatus: goodPeopleBatches.status,
    })
    .from(goodPeople)
    .leftJoin(goodPeopleBatches, eq(goodPeopleBatches.id, goodPeople.batchId))
    .where(eq(goodPeople.id, id))
    .limit(1);
  return row ?? null;
}

export type PersonForEdit = NonNullable<Awaited<ReturnType<typeof findPersonForEdit>>>;

export async function createPerson(db: Db, fields: PersonFields, onCreated?: (tx: Db, id: number) => Promise<void>): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(goodPeople).values({ ...personFieldsOf(fields), status: 'draft', version: 1 }).returning({ id: goodPeople.id });
    await onCreated?.(tx, row!.id);
    return row!.id;
  });
}

export type PersonSaveResult =
  | { ok: true; changed: boolean; version: number; status: ContentStatus; before: PersonFields; after: PersonFields }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'conflict'; version: number; updatedAt: Date };

/**
 * Saves over `baseVersion` (UPDATE … WHERE version = baseVersion on the locked row): a save from a
 * stale copy changes nothing and answers `conflict`. Equal content is a no-op.
 */
export async function savePersonVersion(
  db: Db,
  id: number,
  baseVersion: number,
  fields: PersonFields,
  options: { refusal?: (current: { status: ContentStatus }) => string | null; onSaved?: (tx: Db, saved: Extract<PersonSaveResult, { ok: true }>) => Promise<void> } = {},
): Promise<PersonSaveResult> {
  const after = personFieldsOf(fields);
  return db.transaction(async (t): Promise<PersonSaveResult> => {
    const [current] = await t.select().from(goodPeople).where(eq(goodPeople.id, id)).for('update').limit(1);
    if (!current) return { ok: false, reason: 'missing' };
    const refused = options.refusal?.(current);
    if (refused) return { ok: false, reason: 'refused', message: refused };
    if (current.version !== baseVersion) return { ok: false, reason: 'conflict', version: current.version, updatedAt: current.updatedAt };
    const before = personFieldsOf(current);
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, changed: false, version: current.version, status: current.status, before, after };
    const next = baseVersion + 1;
    await t.update(goodPeople).set({ ...after, version: next, updatedAt: new Date() }).where(and(eq(goodPeople.id, id), eq(goodPeople.version, baseVersion)));
    const saved = { ok: true as const, changed: true, version: next, status: current.status, before, after };
    await options.onSaved?.(t, saved);
    return saved;
  });
}

/**
 * One person's own review step (people outside batches: 市级好人, 道德模范), checked on the locked row.
 * Answers the new status, or a message why not.
 */
export async function movePerson(
  db: Db,
  id: number,
  action: WorkflowAction,
  actor: Actor,
  options: { version?: number; reason?: string | null; onMoved?: (tx: Db, move: { from: ContentStatus; to: ContentStatus }) => Promise<void> } = {},
): Promise<{ ok: true; from: ContentStatus; to: ContentStatus } | { ok: false; message: string }> {
  return db.transaction(async (t) => {
    const [person] = await t.select({ status: goodPeople.status, version: goodPeople.version, batchId: goodPeople.batchId, level: goodPeople.level }).from(goodPeople).where(eq(goodPeople.id, id)).for('update').limit(1);
    if (!person) return { ok: false as const, message: '人物不存在或已被删除。' };
    if (person.batchId !== null) return { ok: false as const, message: '此人属于月度榜单，须随榜单一起提交审核和发布。' };
    if (person.level === '身边好人') return { ok: false as const, message: '身边好人须加入月度榜单，随榜单发布。请先选择所属榜单。' };
    if (options.version !== undefined && person.version !== options.version) return { ok: false as const, message: `人物信息已被修改（当前版本 ${person.version}），请刷新页面查看最新内容后再操作。` };
    const reason = options.reason?.trim() || null;
    const rule = transition(person.status, action, actor.role, reason);
    if (!rule.ok) return rule;
    await t
      .update(goodPeople)
      .set({ status: rule.to, updatedAt: new Date(), ...(rule.to === 'published' ? { publishedAt: new Date() } : {}) })
      .where(eq(goodPeople.id, id));
    await recordReviewEvent(t, { entityType: 'good_person', entityId: id, from: person.status, to: rule.to, actor, reason });
    await options.onMoved?.(t, { from: person.status, to: rule.to });
    return { ok: true as const, from: person.status, to: rule.to };
  });
}

// ------------------------------------------------------------------------------------------- batches

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

/** Inserts a month; null when the month exists already. */
export async function createBatch(db: Db, values: { month: string; title: string }) {
  const [row] = await db.insert(goodPeopleBatches).values({ month: values.month, title: values.title }).onConflictDoNothing({ target: goodPeopleBatches.month }).returning();
  return row ?? null;
}

/** The month's batch, made (as a draft with the default title) when missing. */
export async function ensureMonthBatch(db: Db, month: string) {
  await db.insert(goodPeopleBatches).values({ month, title: defaultBatchTitle(month) }).onConflictDoNothing({ target: goodPeopleBatches.month });
  return (await findBatchByMonth(db, month))!;
}

/** Title and 点赞评议 window, over `baseVersion`; false when someone changed the batch meanwhile. */
export async function updateBatchDetails(db: Db, id: number, baseVersion: number, values: { title: string; votingStart: string | null; votingEnd: string | null }): Promise<boolean> {
  const rows = await db
    .update(goodPeopleBatches)
    .set({ ...values, version: baseVersion + 1, updatedAt: new Date() })
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
 * still be open; checked on the locked rows. Answers the previous batch id, or a message why not.
 */
export async function setPersonBatch(db: Db, personId: number, batchId: number | null, onDone?: (tx: Db, before: number | null) => Promise<void>): Promise<{ ok: true; before: number | null } | { ok: false; message: string }> {
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

export type BatchMove = { from: ContentStatus; to: ContentStatus; people: { id: number; from: ContentStatus }[]; publishedAt: Date | null };

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
  options: { reason?: string | null; onMoved?: (tx: Db, move: BatchMove) => Promise<void> } = {},
): Promise<({ ok: true } & BatchMove) | { ok: false; message: string }> {
  return db.transaction(async (t) => {
    const [batch] = await t.select({ status: goodPeopleBatches.status }).from(goodPeopleBatches).where(eq(goodPeopleBatches.id, batchId)).for('update').limit(1);
    if (!batch) return { ok: false as const, message: '榜单不存在或已被删除。' };
    const reason = options.reason?.trim() || null;
    const rule = transition(batch.status, action, actor.role, reason);
    if (!rule.ok) return rule;
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
    await recordReviewEvent(t, { entityType: 'people_batch', entityId: batchId, from: batch.status, to: rule.to, actor, reason });
    for (const p of people) await recordReviewEvent(t, { entityType: 'good_person', entityId: p.id, from: p.from, to: rule.to, actor, reason });
    const move = { from: batch.status, to: rule.to, people, publishedAt };
    await options.onMoved?.(t, move);
    return { ok: true as const, ...move };
  });
}

// ----------------------------------------------------------------------------------- recommendations

export async function listRecommendations(db: Db, status: RecommendationStatus | undefined, page: number, pageSize: number) {
  const where = status ? eq(goodPersonRecommendations.status, status) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(goodPersonRecommendations)
      .where(where)
      // Pending first, then newest.
      .orderBy(sql`case when ${goodPersonRecommendations.status} = 'pending' then 0 else 1 end`, desc(goodPersonRecommendations.createdAt), desc(goodPersonRecommendations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(goodPersonRecommendations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findRecommendation(db: Db, id: number) {
  const [row] = await db.select().from(goodPersonRecommendations).where(eq(goodPersonRecommendations.id, id)).limit(1);
  return row ?? null;
}

/**
 * 采纳: a draft 身边好人 made from the recommendation in the given batch (default: the batch of `month`,
 * made when missing), and the recommendation marked accepted and linked, in one transaction.
 */
export async function acceptRecommendation(
  db: Db,
  id: number,
  actor: Actor,
  options: { batchId?: number | null; month: string; photo?: { key: string; alt: string } | null; onAccepted?: (tx: Db, done: { personId: number; batchId: number }) => Promise<void> },
): Promise<{ ok: true; personId: number; batchId: number } | { ok: false; message: string }> {
  return db.transaction(async (t) => {
    const [rec] = await t.select().from(goodPersonRecommendations).where(eq(goodPersonRecommendations.id, id)).for('update').limit(1);
    if (!rec) return { ok: false as const, message: '推荐不存在。' };
    if (rec.status !== 'pending') return { ok: false as const, message: '此推荐已处理过，请刷新页面。' };
    const batch = options.batchId ? await findBatch(t, options.batchId) : await ensureMonthBatch(t, options.month);
    if (!batch) return { ok: false as const, message: '所选榜单不存在，请刷新页面。' };
    if (!EDITABLE_STATUSES.includes(batch.status)) return { ok: false as const, message: `“${batch.title}”正在审核或已发布，不能再加入人物。请选择其他榜单。` };
    const [person] = await t
      .insert(goodPeople)
      .values({
        name: rec.nomineeName,
        region: rec.region,
        category: rec.category,
        level: '身边好人',
        batchId: batch.id,
        deed: rec.deed,
        story: rec.story,
        photo: options.photo?.key ?? null,
        photoAlt: options.photo?.alt ?? null,
        status: 'draft',
      })
      .returning({ id: goodPeople.id });
    await t
      .update(goodPersonRecommendations)
      .set({ status: 'accepted', personId: person!.id, handledBy: actor.id, handledAt: new Date() })
      .where(eq(goodPersonRecommendations.id, id));
    await options.onAccepted?.(t, { personId: person!.id, batchId: batch.id });
    return { ok: true as const, personId: person!.id, batchId: batch.id };
  });
}

export async function rejectRecommendation(db: Db, id: number, reason: string, actor: Actor, onRejected?: (tx: Db) => Promise<void>): Promise<boolean> {
  return db.transaction(async (t) => {
    const rows = await t
      .update(goodPersonRecommendations)
      .set({ status: 'rejected', rejectReason: reason, handledBy: actor.id, handledAt: new Date() })
      .where(and(eq(goodPersonRecommendations.id, id), eq(goodPersonRecommendations.status, 'pending')))
      .returning({ id: goodPersonRecommendations.id });
    if (rows.length === 0) return false;
    await onRejected?.(t);
    return true;
  });
}

// ------------------------------------------------------------------------------------------ comments

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

// ---------------------------------------------------------------------------------------- statistics

/** Recommendations received in the batch's month (city time), those accepted into it, likes and views. */
export async function batchStats(db: Db, batchId: number) {
  const batch = await findBatch(db, batchId);
  if (!batch) return null;
  const { from, to } = monthBounds(batch.month);
  const [[received], [accepted], [totals], people] = await Promise.all([
    db
      .select({ n: count() })
      .from(goodPersonRecommendations)
      .where(and(gte(goodPersonRecommendations.createdAt, from), lt(goodPersonRecommendations.createdAt, to))),
    db
      .select({ n: count() })
      .from(goodPersonRecommendations)
      .innerJoin(goodPeople, eq(goodPeople.id, goodPersonRecommendations.personId))
      .where(and(eq(goodPersonRecommendations.status, 'accepted'), eq(goodPeople.batchId, batchId))),
    db
      .select({ likes: sum(goodPeople.likeCount).mapWith(Number), views: sum(goodPeople.viewCount).mapWith(Number) })
      .from(goodPeople)
      .where(eq(goodPeople.batchId, batchId)),
    db
      .select({ id: goodPeople.id, name: goodPeople.name, likeCount: goodPeople.likeCount, viewCount: goodPeople.viewCount })
      .from(goodPeople)
      .where(eq(goodPeople.batchId, batchId))
      .orderBy(desc(goodPeople.likeCount), asc(goodPeople.id)),
  ]);
  return {
    month: batch.month,
    received: received?.n ?? 0,
    accepted: accepted?.n ?? 0,
    likes: totals?.likes ?? 0,
    views: totals?.views ?? 0,
    people,
  };
}
