// 诚信红黑榜 entries in the editors' area: list, versioned edits, status changes with history. Full ID numbers are read here for staff and never written to history (masked values only).
import { and, desc, eq, gte, ilike, lt, ne, or, type SQL } from 'drizzle-orm';
import { normalizeCreditCode } from '@/lib/credit-code';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import { cityDay } from '@/lib/dates';
import { BATCH_OPEN_FOR_ENTRIES } from '@/lib/workflow';
import type { Db } from '../../client';
import { ADMIN_COUNT_CAP, countUpTo, ONE } from '../capped-count';
import { creditBatches, creditCategories, creditEntries, creditEntryHistory, type CreditList } from '../../schema';
import { likeContains } from '@/lib/lookup-text';
import { nameFragmentMatch } from '../credit';

export type Actor = { id: number; displayName: string };


// -------------------------------------------------------------------------------------------- entries

/** 已到期 is computed from the publication end; the others are stored. */
export type AdminEntryStatus = 'public' | 'expired' | 'removed' | 'revoked';
export const ENTRY_STATUS_LABELS: Record<AdminEntryStatus, string> = { public: '公示中', expired: '已到期', removed: '已移出', revoked: '已撤销' };

export function entryDisplayStatus(status: 'public' | 'removed' | 'revoked', publicationEnd: string, today: string = cityDay()): AdminEntryStatus {
  return status === 'public' && publicationEnd < today ? 'expired' : status;
}

export type AdminCreditFilter = { list?: CreditList; categoryId?: number; batchId?: number; status?: AdminEntryStatus; q?: string };

function entryFilter(filter: AdminCreditFilter, today: string): SQL | undefined {
  const q = filter.q?.trim();
  const status =
    filter.status === 'public'
      ? and(eq(creditEntries.status, 'public'), gte(creditEntries.publicationEnd, today))
      : filter.status === 'expired'
        ? and(eq(creditEntries.status, 'public'), lt(creditEntries.publicationEnd, today))
        : filter.status
          ? eq(creditEntries.status, filter.status)
          : undefined;
  return and(
    filter.list ? eq(creditEntries.list, filter.list) : undefined,
    filter.categoryId ? eq(creditEntries.categoryId, filter.categoryId) : undefined,
    filter.batchId ? eq(creditEntries.batchId, filter.batchId) : undefined,
    status,
    q ? nameOrCode(q) : undefined,
  );
}

/**
 * A fragment of the name or of the code. Codes are ASCII letters and digits, so a fragment with anything
 * else (Chinese above all) can only match names: the name's indexes then serve the search alone (bigrams for
 * two characters, as the public look-up, trigrams for more), where the OR with the code would read the
 * whole table.
 */
function nameOrCode(q: string): SQL {
  const code = normalizeCreditCode(q);
  const byName = nameFragmentMatch(q);
  return /^[0-9A-Z]+$/.test(code) ? or(byName, ilike(creditEntries.creditCode, likeContains(code)))! : byName;
}

/** One page of the staff list (masked ID numbers only), newest first. */
export async function listAdminCreditEntries(db: Db, filter: AdminCreditFilter, page: number, pageSize: number, today: string = cityDay()) {
  const where = entryFilter(filter, today);
  const [items, total] = await Promise.all([
    db
      .select({
        id: creditEntries.id,
        list: creditEntries.list,
        categoryName: creditCategories.name,
        subjectKind: creditEntries.subjectKind,
        name: creditEntries.name,
        creditCode: creditEntries.creditCode,
        idNumberMasked: creditEntries.idNumberMasked,
        decisionDate: creditEntries.decisionDate,
        publicationEnd: creditEntries.publicationEnd,
        status: creditEntries.status,
        batchId: creditEntries.batchId,
        batchTitle: creditBatches.title,
      })
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .leftJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(where)
      .orderBy(desc(creditEntries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    countUpTo(db, db.select(ONE).from(creditEntries).where(where).$dynamic(), ADMIN_COUNT_CAP),
  ]);
  return { items: items.map((row) => ({ ...row, displayStatus: entryDisplayStatus(row.status, row.publicationEnd, today) })), ...total };
}
export type AdminCreditEntryRow = Awaited<ReturnType<typeof listAdminCreditEntries>>['items'][number];

/** Everything about one entry, for staff (including the full ID number, for the edit form only). */
export async function findCreditEntryForEdit(db: Db, id: number) {
  const [row] = await db
    .select({
      entry: creditEntries,
      categoryName: creditCategories.name,
      batchTitle: creditBatches.title,
      batchStatus: creditBatches.status,
    })
    .from(creditEntries)
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .leftJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
    .where(eq(creditEntries.id, id))
    .limit(1);
  return row ? { ...row.entry, categoryName: row.categoryName, batchTitle: row.batchTitle, batchStatus: row.batchStatus } : null;
}
export type CreditEntryForEdit = NonNullable<Awaited<ReturnType<typeof findCreditEntryForEdit>>>;

type EntryRow = typeof creditEntries.$inferSelect;

const HISTORY_FIELDS = [
  'list',
  'categoryId',
  'subjectKind',
  'name',
  'creditCode',
  'legalRep',
  'idNumberMasked',
  'reason',
  'amount',
  'authority',
  'basisDoc',
  'decisionDate',
  'listedDate',
  'publicationEnd',
  'publicationEndReason',
] as const;

/** The changed editable fields, old and new. The full ID number is never among them: a changed ID shows as its masked form. */
export function entryChanges(before: Pick<EntryRow, (typeof HISTORY_FIELDS)[number] | 'idNumber'>, after: Pick<EntryRow, (typeof HISTORY_FIELDS)[number] | 'idNumber'>) {
  const keys = HISTORY_FIELDS.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null) || (k === 'idNumberMasked' && (before.idNumber ?? null) !== (after.idNumber ?? null)));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])) as Record<string, unknown>,
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) as Record<string, unknown>,
  };
}

export type EntryWriteRefusal = { ok: false; reason: 'missing' | 'conflict' | 'duplicate' | 'closed' | 'unchanged'; message: string };
export type EntryChange = { entryId: number; before: Record<string, unknown>; after: Record<string, unknown>; version: number };

export const CLOSED_MESSAGE = '该批次已提交审核或已发布，不能再添加条目。请新建批次，或请审核人员退回该批次。';

/** A new entry in a batch that is still being prepared (草稿 or 已退回). */
export async function createCreditEntry(
  db: Db,
  batchId: number,
  entry: ValidCreditEntry,
  actorId: number | null,
  onCreated?: (tx: Db, id: number) => Promise<void>,
): Promise<{ ok: true; id: number } | EntryWriteRefusal> {
  return db.transaction(async (t) => {
    const [batch] = await t.select({ status: creditBatches.status }).from(creditBatches).where(eq(creditBatches.id, batchId)).for('update');
    if (!batch) return { ok: false, reason: 'missing', message: '批次不存在。' } as const;
    if (!BATCH_OPEN_FOR_ENTRIES.includes(batch.status)) return { ok: false, reason: 'closed', message: CLOSED_MESSAGE } as const;
    const [row] = await t.insert(creditEntries).values({ ...entry, batchId, updatedBy: actorId }).onConflictDoNothing({ target: creditEntries.dedupeKey }).returning({ id: creditEntries.id });
    if (!row) return { ok: false, reason: 'duplicate', message: '同一主体、同一决定（类别、决定日期、文号相同）的条目已经存在，不能重复录入。' } as const;
    await onCreated?.(t, row.id);
    return { ok: true, id: row.id } as const;
  });
}

export async function lockEntry(t: Db, id: number): Promise<EntryRow | null> {
  const [row] = await t.select().from(creditEntries).where(eq(creditEntries.id, id)).for('update');
  return row ?? null;
}

export function conflict(row: EntryRow): EntryWriteRefusal {
  return { ok: false, reason: 'conflict', message: `该条目已被他人修改（当前版本 ${row.version}）。请刷新页面查看最新内容后再操作。` };
}

type HistoryNote = { source: 'edit' | 'objection'; objectionId?: number | null; reason?: string | null };

/** Writes new values over a locked row whose version was checked; history in the same transaction. */
export async function writeEntry(t: Db, row: EntryRow, entry: ValidCreditEntry, actor: Actor, note: HistoryNote): Promise<EntryChange | EntryWriteRefusal> {
  const next = { ...row, ...entry };
  const diff = entryChanges(row, next);
  if (Object.keys(diff.after).length === 0) return { ok: false, reason: 'unchanged', message: '内容没有变化，无需保存。' };
  if (entry.dedupeKey !== row.dedupeKey) {
    const [other] = await t.select({ id: creditEntries.id }).from(creditEntries).where(and(eq(creditEntries.dedupeKey, entry.dedupeKey), ne(creditEntries.id, row.id))).limit(1);
    if (other) return { ok: false, reason: 'duplicate', message: `修改后与条目 ${other.id} 重复（同一主体、同一决定），请核对。` };
  }
  const [saved] = await t
    .update(creditEntries)
    .set({ ...entry, version: row.version + 1, updatedBy: actor.id, updatedAt: new Date() })
    .where(and(eq(creditEntries.id, row.id), eq(creditEntries.version, row.version)))
    .returning({ version: creditEntries.version });
  if (!saved) return conflict(row);
  await t.insert(creditEntryHistory).values({ entryId: row.id, source: note.source, objectionId: note.objectionId ?? null, reason: note.reason ?? null, ...diff, actorId: actor.id, actorName: actor.displayName });
  return { entryId: row.id, ...diff, version: saved.version };
}

/** In one transaction: lock the entry, refuse a stale copy, `write` it, then `onSaved` (e.g. the audit record). */
function changeEntry(
  db: Db,
  id: number,
  baseVersion: number,
  write: (t: Db, row: EntryRow) => Promise<EntryChange | EntryWriteRefusal>,
  onSaved?: (tx: Db, change: EntryChange) => Promise<void>,
): Promise<({ ok: true } & EntryChange) | EntryWriteRefusal> {
  return db.transaction(async (t) => {
    const row = await lockEntry(t, id);
    if (!row) return { ok: false, reason: 'missing', message: '条目不存在。' } as const;
    if (row.version !== baseVersion) return conflict(row);
    const change = await write(t, row);
    if ('ok' in change) return change;
    await onSaved?.(t, change);
    return { ok: true, ...change } as const;
  });
}

/** A versioned save of the editable fields: refused from a stale copy; the change goes to the history. */
export async function updateCreditEntry(
  db: Db,
  id: number,
  baseVersion: number,
  entry: ValidCreditEntry,
  actor: Actor,
  onSaved?: (tx: Db, change: EntryChange) => Promise<void>,
): Promise<({ ok: true } & EntryChange) | EntryWriteRefusal> {
  return changeEntry(db, id, baseVersion, (t, row) => writeEntry(t, row, entry, actor, { source: 'edit' }), onSaved);
}

export type EntryStatusTarget = 'public' | 'removed' | 'revoked';
const STATUS_SOURCE: Record<EntryStatusTarget, string> = { public: 'restore', removed: 'remove', revoked: 'revoke' };

export async function writeEntryStatus(t: Db, row: EntryRow, to: EntryStatusTarget, reason: string | null, actor: Actor, note: { source?: string; objectionId?: number | null } = {}): Promise<EntryChange | EntryWriteRefusal> {
  if (row.status === to) return { ok: false, reason: 'unchanged', message: '条目已是该状态，请刷新页面。' };
  const at = new Date();
  const [saved] = await t
    .update(creditEntries)
    .set({ status: to, statusReason: reason, statusChangedAt: at, version: row.version + 1, updatedBy: actor.id, updatedAt: at })
    .where(and(eq(creditEntries.id, row.id), eq(creditEntries.version, row.version)))
    .returning({ version: creditEntries.version });
  if (!saved) return conflict(row);
  const before = { status: row.status, statusReason: row.statusReason };
  const after = { status: to, statusReason: reason, statusChangedAt: at.toISOString() };
  await t.insert(creditEntryHistory).values({ entryId: row.id, source: note.source ?? STATUS_SOURCE[to], objectionId: note.objectionId ?? null, reason, before, after, actorId: actor.id, actorName: actor.displayName });
  return { entryId: row.id, before, after, version: saved.version };
}

/** 移出, 撤销 or 恢复公示, with the reason and date kept on the entry and in its history. */
export async function setCreditEntryStatus(
  db: Db,
  id: number,
  baseVersion: number,
  to: EntryStatusTarget,
  reason: string | null,
  actor: Actor,
  onSaved?: (tx: Db, change: EntryChange) => Promise<void>,
): Promise<({ ok: true } & EntryChange) | EntryWriteRefusal> {
  return changeEntry(db, id, baseVersion, (t, row) => writeEntryStatus(t, row, to, reason, actor), onSaved);
}

export async function listCreditEntryHistory(db: Db, entryId: number) {
  return db.select().from(creditEntryHistory).where(eq(creditEntryHistory.entryId, entryId)).orderBy(desc(creditEntryHistory.at), desc(creditEntryHistory.id));
}
