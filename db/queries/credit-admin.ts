// 诚信红黑榜 in the editors' area: entries (list, versioned edits, status changes with history), release
// batches, bulk import, the public-view export and the objection workflow. Full ID numbers are read here
// for staff, and never written to history (masked values only).
import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { normalizeCreditCode } from '@/lib/credit-code';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import { cityDay } from '@/lib/dates';
import { BATCH_OPEN_FOR_ENTRIES } from '@/lib/workflow';
import type { Db } from '../client';
import { ADMIN_COUNT_CAP, countUpTo, ONE } from './capped-count';
import {
  creditBatches,
  creditCategories,
  creditEntries,
  creditEntryHistory,
  creditObjectionEvents,
  creditObjections,
  type ContentStatus,
  type CreditList,
  type ObjectionStatus,
} from '../schema';
import { publicCredit, publicDetailColumns, publicSubjectName } from './credit';
import { likeContains } from '@/lib/lookup-text';

type Actor = { id: number; displayName: string };


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
 * else (Chinese above all) can only match names: the name's trigram index then serves the search alone,
 * where the OR with the code would read the whole table.
 */
function nameOrCode(q: string): SQL {
  const code = normalizeCreditCode(q);
  const byName = ilike(creditEntries.name, likeContains(q));
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

const CLOSED_MESSAGE = '该批次已提交审核或已发布，不能再添加条目。请新建批次，或请审核人员退回该批次。';

/** A new entry in a batch that is still being prepared (草稿 or 已退回). */
export async function createCreditEntry(
  db: Db,
  batchId: number,
  entry: ValidCreditEntry,
  onCreated?: (tx: Db, id: number) => Promise<void>,
): Promise<{ ok: true; id: number } | EntryWriteRefusal> {
  return db.transaction(async (t) => {
    const [batch] = await t.select({ status: creditBatches.status }).from(creditBatches).where(eq(creditBatches.id, batchId)).for('update');
    if (!batch) return { ok: false, reason: 'missing', message: '批次不存在。' } as const;
    if (!BATCH_OPEN_FOR_ENTRIES.includes(batch.status)) return { ok: false, reason: 'closed', message: CLOSED_MESSAGE } as const;
    const [row] = await t.insert(creditEntries).values({ ...entry, batchId }).onConflictDoNothing({ target: creditEntries.dedupeKey }).returning({ id: creditEntries.id });
    if (!row) return { ok: false, reason: 'duplicate', message: '同一主体、同一决定（类别、决定日期、文号相同）的条目已经存在，不能重复录入。' } as const;
    await onCreated?.(t, row.id);
    return { ok: true, id: row.id } as const;
  });
}

async function lockEntry(t: Db, id: number): Promise<EntryRow | null> {
  const [row] = await t.select().from(creditEntries).where(eq(creditEntries.id, id)).for('update');
  return row ?? null;
}

function conflict(row: EntryRow): EntryWriteRefusal {
  return { ok: false, reason: 'conflict', message: `该条目已被他人修改（当前版本 ${row.version}）。请刷新页面查看最新内容后再操作。` };
}

type HistoryNote = { source: 'edit' | 'objection'; objectionId?: number | null; reason?: string | null };

/** Writes new values over a locked row whose version was checked; history in the same transaction. */
async function writeEntry(t: Db, row: EntryRow, entry: ValidCreditEntry, actor: Actor, note: HistoryNote): Promise<EntryChange | EntryWriteRefusal> {
  const next = { ...row, ...entry };
  const diff = entryChanges(row, next);
  if (Object.keys(diff.after).length === 0) return { ok: false, reason: 'unchanged', message: '内容没有变化，无需保存。' };
  if (entry.dedupeKey !== row.dedupeKey) {
    const [other] = await t.select({ id: creditEntries.id }).from(creditEntries).where(and(eq(creditEntries.dedupeKey, entry.dedupeKey), ne(creditEntries.id, row.id))).limit(1);
    if (other) return { ok: false, reason: 'duplicate', message: `修改后与条目 ${other.id} 重复（同一主体、同一决定），请核对。` };
  }
  const [saved] = await t
    .update(creditEntries)
    .set({ ...entry, version: row.version + 1, updatedAt: new Date() })
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

async function writeEntryStatus(t: Db, row: EntryRow, to: EntryStatusTarget, reason: string | null, actor: Actor, note: { source?: string; objectionId?: number | null } = {}): Promise<EntryChange | EntryWriteRefusal> {
  if (row.status === to) return { ok: false, reason: 'unchanged', message: '条目已是该状态，请刷新页面。' };
  const at = new Date();
  const [saved] = await t
    .update(creditEntries)
    .set({ status: to, statusReason: reason, statusChangedAt: at, version: row.version + 1, updatedAt: at })
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

// -------------------------------------------------------------------------------------------- batches

export async function listAdminCreditBatches(db: Db) {
  return db
    .select({ id: creditBatches.id, title: creditBatches.title, status: creditBatches.status, publishedAt: creditBatches.publishedAt, updatedAt: creditBatches.updatedAt, entries: count(creditEntries.id) })
    .from(creditBatches)
    .leftJoin(creditEntries, eq(creditEntries.batchId, creditBatches.id))
    .groupBy(creditBatches.id)
    .orderBy(desc(creditBatches.createdAt), desc(creditBatches.id));
}

/** Batch names for filters: no entry counts (counting reads every entry: a million rows at scale). */
export async function listCreditBatchOptions(db: Db) {
  return db
    .select({ id: creditBatches.id, title: creditBatches.title })
    .from(creditBatches)
    .orderBy(desc(creditBatches.createdAt), desc(creditBatches.id));
}

export async function findCreditBatch(db: Db, id: number) {
  const [batch] = await db
    .select({ id: creditBatches.id, title: creditBatches.title, status: creditBatches.status, publishedAt: creditBatches.publishedAt, version: creditBatches.version, updatedAt: creditBatches.updatedAt })
    .from(creditBatches)
    .where(eq(creditBatches.id, id));
  if (!batch) return null;
  const [counted] = await db.select({ n: count() }).from(creditEntries).where(eq(creditEntries.batchId, id));
  return { ...batch, entries: counted?.n ?? 0 };
}
export type CreditBatchRow = NonNullable<Awaited<ReturnType<typeof findCreditBatch>>>;

/** Batches that still take entries (草稿, 已退回), newest first. */
export async function listOpenCreditBatches(db: Db) {
  return db
    .select({ id: creditBatches.id, title: creditBatches.title, status: creditBatches.status })
    .from(creditBatches)
    .where(inArray(creditBatches.status, [...BATCH_OPEN_FOR_ENTRIES]))
    .orderBy(desc(creditBatches.createdAt), desc(creditBatches.id));
}

export function isOpenBatch(status: ContentStatus): boolean {
  return BATCH_OPEN_FOR_ENTRIES.includes(status);
}

/** A new draft batch; null when the title is taken. */
export async function insertCreditBatch(db: Db, title: string, onCreated?: (tx: Db, id: number) => Promise<void>): Promise<number | null> {
  return db.transaction(async (t) => {
    const [row] = await t.insert(creditBatches).values({ title }).onConflictDoNothing({ target: creditBatches.title }).returning({ id: creditBatches.id });
    if (!row) return null;
    await onCreated?.(t, row.id);
    return row.id;
  });
}

/** Moves a batch from the status and version the user saw; false when someone changed it meanwhile. */
export async function setCreditBatchStatus(db: Db, id: number, change: { from: ContentStatus; to: ContentStatus; version: number; publishedAt?: Date | null }): Promise<boolean> {
  const rows = await db
    .update(creditBatches)
    .set({
      status: change.to,
      version: sql`${creditBatches.version} + 1`,
      updatedAt: new Date(),
      ...(change.to === 'published' ? { publishedAt: change.publishedAt ?? new Date() } : {}),
    })
    .where(and(eq(creditBatches.id, id), eq(creditBatches.status, change.from), eq(creditBatches.version, change.version)))
    .returning({ id: creditBatches.id });
  return rows.length > 0;
}

// --------------------------------------------------------------------------------------------- import

/** Which of these dedupe keys are already stored (asked in chunks, so 100,000 keys stay cheap). */
export async function findExistingDedupeKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const chunk = keys.slice(i, i + 1000);
    const rows = await db.select({ key: creditEntries.dedupeKey }).from(creditEntries).where(inArray(creditEntries.dedupeKey, chunk));
    for (const row of rows) found.add(row.key);
  }
  return found;
}

export const IMPORT_CHUNK = 1000;

/**
 * One statement for a chunk of rows, passed as a single JSON parameter: binding 1000 rows x 17 columns
 * as separate parameters costs more than the insert itself (on PGlite above all).
 */
async function insertChunk(t: Db, batchId: number, entries: readonly ValidCreditEntry[]): Promise<number> {
  const rows = JSON.stringify(entries.map((e) => ({ ...e, batchId })));
  const result = await t.execute<{ id: number }>(sql`
    insert into credit_entries (list, category_id, subject_kind, name, credit_code, legal_rep, id_number, id_number_masked, reason, amount,
      authority, basis_doc, decision_date, listed_date, publication_end, publication_end_reason, batch_id, dedupe_key)
    select r."list", r."categoryId", r."subjectKind", r."name", r."creditCode", r."legalRep", r."idNumber", r."idNumberMasked", r."reason", r."amount",
      r."authority", r."basisDoc", r."decisionDate", r."listedDate", r."publicationEnd", r."publicationEndReason", r."batchId", r."dedupeKey"
    from jsonb_to_recordset(${rows}::jsonb) as r("list" credit_list, "categoryId" integer, "subjectKind" credit_subject_kind, "name" text,
      "creditCode" text, "legalRep" text, "idNumber" text, "idNumberMasked" text, "reason" text, "amount" numeric(16, 2), "authority" text,
      "basisDoc" text, "decisionDate" date, "listedDate" date, "publicationEnd" date, "publicationEndReason" text, "batchId" integer, "dedupeKey" text)
    on conflict (dedupe_key) do nothing
    returning id`);
  return result.rows.length;
}

/**
 * All rows of an import in one transaction, ~1000 per statement; rows whose fact is already stored are
 * skipped (ON CONFLICT DO NOTHING), so importing the same file twice adds nothing the second time.
 */
export async function importCreditEntries(
  db: Db,
  batchId: number,
  entries: readonly ValidCreditEntry[],
  onImported?: (tx: Db, counts: { inserted: number; existing: number }) => Promise<void>,
): Promise<{ ok: true; inserted: number; existing: number } | EntryWriteRefusal> {
  return db.transaction(async (t) => {
    const [batch] = await t.select({ status: creditBatches.status }).from(creditBatches).where(eq(creditBatches.id, batchId)).for('update');
    if (!batch) return { ok: false, reason: 'missing', message: '批次不存在。' } as const;
    if (!BATCH_OPEN_FOR_ENTRIES.includes(batch.status)) return { ok: false, reason: 'closed', message: CLOSED_MESSAGE } as const;
    let inserted = 0;
    for (let i = 0; i < entries.length; i += IMPORT_CHUNK) inserted += await insertChunk(t, batchId, entries.slice(i, i + IMPORT_CHUNK));
    const counts = { inserted, existing: entries.length - inserted };
    await onImported?.(t, counts);
    return { ok: true, ...counts } as const;
  });
}

// --------------------------------------------------------------------------------------------- export

export type PublicExportFilter = { list?: CreditList; categoryId?: number; batchId?: number; q?: string };

/** The public view (公示中 only, names masked as the public pages show them, masked ID numbers), in id order, batch by batch. */
export async function* iteratePublicCreditExport(db: Db, filter: PublicExportFilter, batchSize = 1000) {
  const q = filter.q?.trim();
  const base = and(
    publicCredit(),
    filter.list ? eq(creditEntries.list, filter.list) : undefined,
    filter.categoryId ? eq(creditEntries.categoryId, filter.categoryId) : undefined,
    filter.batchId ? eq(creditEntries.batchId, filter.batchId) : undefined,
    q ? or(ilike(creditEntries.name, likeContains(q)), eq(creditEntries.creditCode, normalizeCreditCode(q))) : undefined,
  );
  let after = 0;
  for (;;) {
    const rows = await db
      .select(publicDetailColumns)
      .from(creditEntries)
      .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
      .innerJoin(creditBatches, eq(creditBatches.id, creditEntries.batchId))
      .where(and(base, gt(creditEntries.id, after)))
      .orderBy(asc(creditEntries.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map(({ personNameMasking, ...row }) => ({ ...row, name: publicSubjectName({ ...row, personNameMasking }) }));
    after = rows[rows.length - 1]!.id;
  }
}
export type PublicExportRow = { id: number; list: CreditList; category: string; subjectKind: string; name: string; creditCode: string | null; idNumberMasked: string | null; legalRep: string | null; reason: string; amount: string | null; authority: string; basisDoc: string; decisionDate: string; listedDate: string; publicationEnd: string; batchTitle: string };

// ----------------------------------------------------------------------------------------- objections

const QUEUE_RANK = sql<number>`case ${creditObjections.status} when 'submitted' then 0 when 'verifying' then 1 when 'passed' then 2 when 'failed' then 3 else 4 end`;

/** The staff queue: what needs attention first (待审核, then 待核实, …), oldest first within a status. */
export async function listAdminObjections(db: Db, status: ObjectionStatus | undefined, page: number, pageSize: number) {
  const where = status ? eq(creditObjections.status, status) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: creditObjections.id,
        trackingNo: creditObjections.trackingNo,
        kind: creditObjections.kind,
        status: creditObjections.status,
        applicantName: creditObjections.applicantName,
        flaggedWords: creditObjections.flaggedWords,
        createdAt: creditObjections.createdAt,
        entryId: creditObjections.entryId,
        entryName: creditEntries.name,
        entrySubjectKind: creditEntries.subjectKind,
      })
      .from(creditObjections)
      .innerJoin(creditEntries, eq(creditEntries.id, creditObjections.entryId))
      .where(where)
      .orderBy(asc(QUEUE_RANK), asc(creditObjections.createdAt), asc(creditObjections.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(creditObjections).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One objection with its applicant's phone (staff only) and the entry it concerns. */
export async function findObjectionForAdmin(db: Db, id: number) {
  const [row] = await db.select().from(creditObjections).where(eq(creditObjections.id, id));
  if (!row) return null;
  const entry = await findCreditEntryForEdit(db, row.entryId);
  return entry ? { ...row, entry } : null;
}

export async function listObjectionEvents(db: Db, objectionId: number) {
  return db.select().from(creditObjectionEvents).where(eq(creditObjectionEvents.objectionId, objectionId)).orderBy(asc(creditObjectionEvents.at), asc(creditObjectionEvents.id));
}

/** What completing a passed objection does to its entry, from the entry version the reviewer saw. */
export type ObjectionEntryChange = { kind: 'modify'; entry: ValidCreditEntry; baseVersion: number } | { kind: 'remove'; reason: string; baseVersion: number };

/**
 * One step of the workflow: the status change (only from the status the user saw), the applicant's
 * event and, when completing a passed objection, the change to the entry with its history, all in one
 * transaction. `onMoved` writes the audit entries inside it.
 */
export async function moveObjection(
  db: Db,
  step: { id: number; from: ObjectionStatus; to: ObjectionStatus; note: string | null; actor: Actor; outcome?: 'modify' | 'remove' | null; entryChange?: ObjectionEntryChange | null },
  onMoved?: (tx: Db, change: EntryChange | null) => Promise<void>,
): Promise<{ ok: true; entryChange: EntryChange | null } | { ok: false; message: string }> {
  try {
    return await moveObjectionIn(db, step, onMoved);
  } catch (error) {
    if (error instanceof EntryChangeRefused) return { ok: false, message: error.message };
    throw error;
  }
}

async function moveObjectionIn(db: Db, step: Parameters<typeof moveObjection>[1], onMoved: Parameters<typeof moveObjection>[2]) {
  return db.transaction(async (t) => {
    const completing = step.to === 'completed';
    const [moved] = await t
      .update(creditObjections)
      .set({ status: step.to, updatedAt: new Date(), ...(completing ? { outcome: step.outcome ?? null, resolution: step.note } : {}) })
      .where(and(eq(creditObjections.id, step.id), eq(creditObjections.status, step.from)))
      .returning({ entryId: creditObjections.entryId });
    if (!moved) return { ok: false, message: '该申请的状态刚被他人更改，请刷新页面查看最新进度。' } as const;
    await t.insert(creditObjectionEvents).values({ objectionId: step.id, fromStatus: step.from, toStatus: step.to, note: step.note, actorId: step.actor.id, actorName: step.actor.displayName });

    let change: EntryChange | null = null;
    if (step.entryChange) {
      const row = await lockEntry(t, moved.entryId);
      if (!row) throw new Error(`objection ${step.id}: entry ${moved.entryId} missing`);
      if (row.version !== step.entryChange.baseVersion) throw new EntryChangeRefused(conflict(row).message);
      const note = { source: 'objection' as const, objectionId: step.id, reason: step.note };
      const result =
        step.entryChange.kind === 'modify'
          ? await writeEntry(t, row, step.entryChange.entry, step.actor, note)
          : await writeEntryStatus(t, row, 'removed', step.entryChange.reason, step.actor, note);
      if ('ok' in result) throw new EntryChangeRefused(result.message);
      change = result;
    }
    await onMoved?.(t, change);
    return { ok: true, entryChange: change } as const;
  });
}

/** Thrown inside moveObjection's transaction so that the status change is rolled back with it. */
export class EntryChangeRefused extends Error {}

// ---------------------------------------------------------------------------------------- dashboard

/** For the dashboard: batches waiting for a reviewer and objections not yet 已完成. */
export async function creditQueueCounts(db: Db): Promise<{ pendingBatches: number; openObjections: number }> {
  const [[batches], [objections]] = await Promise.all([
    db.select({ n: count() }).from(creditBatches).where(eq(creditBatches.status, 'pending')),
    db.select({ n: count() }).from(creditObjections).where(ne(creditObjections.status, 'completed')),
  ]);
  return { pendingBatches: batches?.n ?? 0, openObjections: objections?.n ?? 0 };
}
