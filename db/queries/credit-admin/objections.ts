// The objection / credit-repair workflow in the editors' area; a passed objection changes the entry with its history.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { ValidCreditEntry } from '@/lib/credit-entry';
import type { Db } from '../../client';
import { creditEntries, creditObjectionEvents, creditObjections, type ObjectionStatus } from '../../schema';
import { conflict, findCreditEntryForEdit, lockEntry, type Actor, type EntryChange, writeEntry, writeEntryStatus } from './entries';

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
