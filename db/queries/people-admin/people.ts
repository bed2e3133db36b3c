// 好人 in the editors' area: lists, versioned saves, workflow moves; shared helpers of the 好人榜 admin queries.
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { checkApproval, overrideNote, transition, type ReviewParties, type WorkflowAction } from '@/lib/workflow';
import type { UserRole } from '../../schema';
import type { Db } from '../../client';
import { ADMIN_COUNT_CAP, countUpTo, ONE } from '../capped-count';
import { goodPeople, goodPeopleBatches, type ContentStatus } from '../../schema';
import { lastSubmitterId, recordReviewEvent } from '../workflow';
import { titleIndexMatch } from '../search-source';

export type Actor = { id: number; displayName: string; role: UserRole };
type Category = (typeof goodPeople.$inferSelect)['category'];
type Level = (typeof goodPeople.$inferSelect)['level'];




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
    // Through the name's indexes (bigrams for two characters, trigrams for more), as the site search does.
    q ? titleIndexMatch(goodPeople.name, [q]) : undefined,
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
      createdBy: goodPeople.createdBy,
      updatedBy: goodPeople.updatedBy,
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

/** A new draft written by `actorId` (its author and, for now, its last editor). */
export async function createPerson(db: Db, fields: PersonFields, actorId: number | null, onCreated?: (tx: Db, id: number) => Promise<void>): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(goodPeople).values({ ...personFieldsOf(fields), status: 'draft', version: 1, createdBy: actorId, updatedBy: actorId }).returning({ id: goodPeople.id });
    if (fields.batchId !== null) await markBatchChanged(tx, [fields.batchId], actorId);
    await onCreated?.(tx, row!.id);
    return row!.id;
  });
}

export type PersonSaveResult =
  | { ok: true; changed: boolean; version: number; status: ContentStatus; before: PersonFields; after: PersonFields }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'refused'; message: string }
  | { ok: false; reason: 'conflict'; version: number; updatedAt: Date };

/** A batch's membership changed: its updated_by names who changed it last (三审三校). */
export async function markBatchChanged(db: Db, batchIds: readonly (number | null)[], actorId: number | null): Promise<void> {
  const ids = [...new Set(batchIds.filter((id): id is number => id !== null))];
  for (const batchId of ids) await db.update(goodPeopleBatches).set({ updatedBy: actorId, updatedAt: new Date() }).where(eq(goodPeopleBatches.id, batchId));
}

/**
 * Saves over `baseVersion` (UPDATE … WHERE version = baseVersion on the locked row): a save from a
 * stale copy changes nothing and answers `conflict`. Equal content is a no-op. `actorId` becomes the
 * last editor; a changed batch marks both batches as changed by them.
 */
export async function savePersonVersion(
  db: Db,
  id: number,
  baseVersion: number,
  fields: PersonFields,
  actorId: number | null,
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
    await t.update(goodPeople).set({ ...after, version: next, updatedBy: actorId, updatedAt: new Date() }).where(and(eq(goodPeople.id, id), eq(goodPeople.version, baseVersion)));
    if (before.batchId !== after.batchId) await markBatchChanged(t, [before.batchId, after.batchId], actorId);
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
  options: { version?: number; reason?: string | null; overrideReason?: string | null; onMoved?: (tx: Db, move: PersonMove) => Promise<void> } = {},
): Promise<({ ok: true } & PersonMove) | { ok: false; message: string; needsOverrideReason?: boolean }> {
  return db.transaction(async (t) => {
    const [person] = await t
      .select({ status: goodPeople.status, version: goodPeople.version, batchId: goodPeople.batchId, level: goodPeople.level, createdBy: goodPeople.createdBy, updatedBy: goodPeople.updatedBy })
      .from(goodPeople)
      .where(eq(goodPeople.id, id))
      .for('update')
      .limit(1);
    if (!person) return { ok: false as const, message: '人物不存在或已被删除。' };
    if (person.batchId !== null) return { ok: false as const, message: '此人属于月度榜单，须随榜单一起提交审核和发布。' };
    if (person.level === '身边好人') return { ok: false as const, message: '身边好人须加入月度榜单，随榜单发布。请先选择所属榜单。' };
    if (options.version !== undefined && person.version !== options.version) return { ok: false as const, message: `人物信息已被修改（当前版本 ${person.version}），请刷新页面查看最新内容后再操作。` };
    const reason = options.reason?.trim() || null;
    const rule = transition(person.status, action, actor.role, reason);
    if (!rule.ok) return rule;
    let override: string | null = null;
    if (action === 'approve') {
      const check = checkApproval(actor, await personReviewParties(t, { id, ...person }), options.overrideReason);
      if (!check.ok) return { ok: false as const, message: check.message, needsOverrideReason: check.needsOverrideReason };
      override = check.override ? overrideNote(check.override) : null;
    }
    await t
      .update(goodPeople)
      .set({ status: rule.to, updatedAt: new Date(), ...(rule.to === 'published' ? { publishedAt: new Date() } : {}) })
      .where(eq(goodPeople.id, id));
    await recordReviewEvent(t, { entityType: 'good_person', entityId: id, from: person.status, to: rule.to, actor, reason: override ?? reason });
    const move = { from: person.status, to: rule.to, override };
    await options.onMoved?.(t, move);
    return { ok: true as const, ...move };
  });
}

/** A person's review step; `override` is the note of an admin's approval of their own work (三审三校). */
export type PersonMove = { from: ContentStatus; to: ContentStatus; override: string | null };

/** Who wrote the profile under review (三审三校): its author, its last editor and who submitted it. */
export async function personReviewParties(db: Db, person: { id: number; createdBy: number | null; updatedBy: number | null }): Promise<ReviewParties> {
  return { authorId: person.createdBy, lastEditorIds: [person.updatedBy], submitterId: await lastSubmitterId(db, 'good_person', person.id) };
}
