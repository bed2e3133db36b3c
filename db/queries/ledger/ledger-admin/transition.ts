// The one way an item changes state: transition() applies lib/ledger-workflow in one transaction, with
// the item row locked, an issue_events row for the timeline and statistics, and the caller's audit
// callback (server/audit.ts recordAudit) inside the same transaction. Bulk assignment uses the same step.
import { and, eq, min, sql } from 'drizzle-orm';
import type { IssueStatus, UserRole } from '@/lib/enums';
import { checkTransition, type IssueAction, type TransitionInput } from '@/lib/ledger-workflow';
import { normalizeIssueNo } from '@/lib/ledger-number';
import { addWorkingDays, addWorkingHours, type CalendarDay } from '@/lib/work-calendar';
import type { Db } from '../../../client';
import { issueCategories, issueEvents, issues, units } from '../../../schema';
import { loadCalendar } from '../deadlines';
import { countIssuePhotos, insertIssuePhotos, type IssuePhotoFile } from '../photos';
import { unitMayOpen } from './items';

/** Who acts: a staff user (server/auth AuthUser fits). */
export type LedgerActor = { id: number; displayName: string; username: string; role: UserRole; unitId: number | null };

export type TransitionRequest = Omit<TransitionInput, 'duplicateOfId' | 'afterPhotos'> & {
  /** duplicate: the original's number. */
  duplicateOfNo?: string | null;
  /** assign: deadline in hours of working time instead of working days. */
  urgent?: boolean;
  /** submit: after-photos sent with the step (already stored as private files). */
  afterPhotos?: readonly IssuePhotoFile[];
};

/** What the audit callback is told: the item, the step and the fields that changed. */
export type TransitionDone = {
  issueId: number;
  no: string;
  action: IssueAction;
  from: IssueStatus;
  to: IssueStatus;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  note: string | null;
  /** submit: the note repeats an earlier submission of the same unit (copy-paste answers). */
  repeatedNote: boolean;
};

export type TransitionResult = ({ ok: true } & TransitionDone) | { ok: false; notFound?: true; message: string; field?: string };

type Audit = (tx: Db, done: TransitionDone) => Promise<void>;

const lockedItem = (db: Db, no: string) =>
  db
    .select({
      id: issues.id,
      no: issues.no,
      status: issues.status,
      unitId: issues.unitId,
      assignedAt: issues.assignedAt,
      returnCount: issues.returnCount,
      reopenCount: issues.reopenCount,
      deadlineAt: issues.deadlineAt,
      plannedDate: issues.plannedDate,
      urgent: issues.urgent,
      deadlineDays: issueCategories.deadlineDays,
      urgentHours: issueCategories.urgentHours,
      defaultUnitId: issueCategories.defaultUnitId,
    })
    .from(issues)
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .where(eq(issues.no, normalizeIssueNo(no)))
    .limit(1)
    .for('update', { of: issues });

/**
 * When the unit's figures count the item from: its first assignment to this unit (an earlier one, before a
 * return, keeps its instant), else this step's, whose event is written with the same instant.
 */
async function firstAssignment(tx: Db, issueId: number, unitId: number, now: Date): Promise<Date> {
  const [earlier] = await tx
    .select({ at: min(issueEvents.createdAt) })
    .from(issueEvents)
    .where(and(eq(issueEvents.issueId, issueId), eq(issueEvents.kind, 'assign'), eq(issueEvents.actorUnitId, unitId)));
  return earlier?.at ?? now;
}

/** One step inside an open transaction (transition() and bulkAssign() share it). */
async function step(tx: Db, actor: LedgerActor, no: string, action: IssueAction, request: TransitionRequest, calendar: readonly CalendarDay[], now: Date, audit: Audit): Promise<TransitionResult> {
  const [item] = await lockedItem(tx, no);
  // Another unit's item does not exist for a unit handler (a 404, not a refusal that confirms it).
  if (!item || (actor.role === 'unit' && !unitMayOpen(item, actor.unitId))) return { ok: false, notFound: true, message: '问题不存在。' };

  let duplicateOfId: number | null = null;
  if (action === 'duplicate' && request.duplicateOfNo) {
    const [original] = await tx.select({ id: issues.id }).from(issues).where(eq(issues.no, normalizeIssueNo(request.duplicateOfNo))).limit(1);
    if (!original || original.id === item.id) return { ok: false, field: 'duplicateOfNo', message: '未找到该原问题编号（不能是本问题自己）' };
    duplicateOfId = original.id;
  }
  let unitId: number | null = null;
  if (action === 'assign') {
    unitId = request.unitId ?? item.defaultUnitId;
    if (unitId) {
      const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, unitId), eq(units.active, true))).limit(1);
      if (!unit) return { ok: false, field: 'unitId', message: '该责任单位不存在或已停用，请重新选择' };
    }
  }
  const newPhotos = request.afterPhotos ?? [];
  const afterPhotos = action === 'submit' ? (await countIssuePhotos(tx, item.id, 'after')) + newPhotos.length : 0;

  const check = checkTransition(item, action, { role: actor.role, unitId: actor.unitId }, { ...request, unitId, duplicateOfId, afterPhotos }, now, calendar);
  if (!check.ok) return { ok: false, message: check.message, field: check.field === 'duplicateOfId' ? 'duplicateOfNo' : check.field };

  const before: Record<string, unknown> = { status: item.status };
  const changes: Partial<typeof issues.$inferInsert> = { status: check.to };
  switch (action) {
    case 'duplicate':
      changes.duplicateOfId = duplicateOfId;
      break;
    case 'assign': {
      const urgent = Boolean(request.urgent);
      Object.assign(changes, {
        unitId,
        urgent,
        assignedAt: now,
        unitAssignedAt: await firstAssignment(tx, item.id, unitId!, now),
        deadlineAt: urgent ? addWorkingHours(now, item.urgentHours, calendar) : addWorkingDays(now, item.deadlineDays, calendar),
        plannedDate: null,
        submittedAt: null,
      });
      before.unitId = item.unitId;
      break;
    }
    case 'return':
      // Back to the reviewer: the unit no longer holds it (the event keeps who returned it and why).
      Object.assign(changes, { unitId: null, assignedAt: null, unitAssignedAt: null, deadlineAt: null, returnCount: item.returnCount + 1 });
      Object.assign(before, { unitId: item.unitId, returnCount: item.returnCount });
      break;
    case 'plan':
      changes.plannedDate = request.plannedDate!;
      before.plannedDate = item.plannedDate;
      break;
    case 'submit':
      changes.submittedAt = now;
      break;
    case 'close':
      changes.closedAt = now;
      break;
    case 'redo':
      Object.assign(changes, { submittedAt: null, reopenCount: item.reopenCount + 1 });
      before.reopenCount = item.reopenCount;
      break;
  }
  await tx
    .update(issues)
    .set({ ...changes, updatedAt: now, version: sql`${issues.version} + 1` })
    .where(eq(issues.id, item.id));

  const publicNote = request.publicNote?.trim() || null;
  let repeatedNote = false;
  if (action === 'submit' && publicNote) {
    const [earlier] = await tx
      .select({ id: issueEvents.id })
      .from(issueEvents)
      .where(and(eq(issueEvents.kind, 'submit'), eq(issueEvents.actorUnitId, item.unitId!), eq(issueEvents.publicNote, publicNote)))
      .limit(1);
    repeatedNote = Boolean(earlier);
  }
  await tx.insert(issueEvents).values({
    issueId: item.id,
    kind: action,
    fromStatus: item.status,
    toStatus: check.to,
    actorUserId: actor.id,
    actorUnitId: action === 'assign' ? unitId : item.unitId,
    publicNote,
    internalNote: request.internalNote?.trim() || null,
    reporterNote: request.reporterNote?.trim() || null,
    repeatedNote,
    createdAt: now,
  });
  if (action === 'submit' && newPhotos.length > 0) await insertIssuePhotos(tx, item.id, 'after', newPhotos);

  const after: Record<string, unknown> = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  const done: TransitionDone = { issueId: item.id, no: item.no, action, from: item.status, to: check.to, before, after, note: publicNote, repeatedNote };
  await audit(tx, done);
  return { ok: true, ...done };
}

/**
 * Takes one step on an item (accept, reject, duplicate, assign, return, start, plan, submit, close, redo)
 * for `actor`, checked by lib/ledger-workflow with the calendar. `audit` writes the audit row in the
 * same transaction. A unit handler asking for another unit's item gets notFound.
 */
export async function transition(db: Db, actor: LedgerActor, no: string, action: IssueAction, request: TransitionRequest, audit: Audit, now: Date = new Date()): Promise<TransitionResult> {
  const calendar = await loadCalendar(db);
  return db.transaction((tx) => step(tx, actor, no, action, request, calendar, now, audit));
}

export type BulkAssignResult = { assigned: string[]; skipped: { no: string; message: string }[] };

/**
 * 批量交办: each accepted item to one unit in a single transaction; items not (or no longer) 已受理 are
 * skipped with the reason, the others assigned. Each assignment is its own event and audit row.
 */
export async function bulkAssign(
  db: Db,
  actor: LedgerActor,
  nos: readonly string[],
  request: { unitId: number; urgent?: boolean; publicNote?: string | null },
  audit: Audit,
  now: Date = new Date(),
): Promise<BulkAssignResult> {
  const calendar = await loadCalendar(db);
  return db.transaction(async (tx) => {
    const result: BulkAssignResult = { assigned: [], skipped: [] };
    for (const no of [...new Set(nos.map(normalizeIssueNo))]) {
      const done = await step(tx, actor, no, 'assign', { unitId: request.unitId, urgent: request.urgent, publicNote: request.publicNote }, calendar, now, audit);
      if (done.ok) result.assigned.push(done.no);
      else result.skipped.push({ no, message: done.message });
    }
    return result;
  });
}
