// 异议申诉 / 信用修复, the citizen's side: submit an application and follow its progress with the
// tracking number and phone. The staff workflow lives in db/queries/credit-admin.ts.
import { and, asc, eq } from 'drizzle-orm';
import type { StoredCitizenFile } from '@/lib/stored-files';
import type { Db } from '../client';
import { creditCategories, creditEntries, creditObjectionEvents, creditObjections, type ObjectionStatus } from '../schema';
import { isPublicCreditEntry, publicSubjectName } from './credit';
import { samePhone } from './phones';
import { isUniqueViolation } from './news-admin';
import { assignPrivateFiles, insertPrivateFile } from './private-files';

export type NewObjection = {
  kind: 'objection' | 'repair';
  entryId: number;
  applicantName: string;
  /** Normalised (lib/citizen-input.ts normalizePhone); the status page compares digits (db/queries/phones.ts). */
  applicantPhone: string;
  explanation: string;
  flaggedWords: string[];
};

export type ObjectionAttachment = StoredCitizenFile & { originalName: string };

const TRACKING_ATTEMPTS = 5;

/**
 * Saves the application, its attachments' rows and its first event (待审核, by 申请人) in one
 * transaction. A tracking number that happens to exist already is drawn again.
 */
export async function insertObjection(
  db: Db,
  input: NewObjection,
  attachments: readonly ObjectionAttachment[],
  makeTrackingNo: () => string,
): Promise<{ id: number; trackingNo: string; attachmentIds: number[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const trackingNo = makeTrackingNo();
    try {
      return await db.transaction(async (t) => {
        const attachmentIds: number[] = [];
        for (const file of attachments) attachmentIds.push(await insertPrivateFile(t, { ...file, purpose: 'objection' }));
        const [row] = await t
          .insert(creditObjections)
          .values({ ...input, trackingNo, attachmentIds, status: 'submitted' })
          .returning({ id: creditObjections.id });
        await t.insert(creditObjectionEvents).values({ objectionId: row!.id, fromStatus: null, toStatus: 'submitted', actorName: '申请人' });
        await assignPrivateFiles(t, attachmentIds, 'objection', row!.id);
        return { id: row!.id, trackingNo, attachmentIds };
      });
    } catch (error) {
      if (attempt < TRACKING_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export type ObjectionProgress = {
  id: number;
  trackingNo: string;
  kind: 'objection' | 'repair';
  status: ObjectionStatus;
  createdAt: Date;
  entry: { id: number; name: string; category: string; isPublic: boolean };
  events: { toStatus: ObjectionStatus; note: string | null; at: Date }[];
};

/**
 * The application with this tracking number and phone, for its applicant (null when the pair does not
 * match: the caller shows one neutral message). The entry's name is shown as it is shown publicly; the
 * phone, the explanation and staff names are not part of the answer.
 */
export async function findObjectionProgress(db: Db, trackingNo: string, phone: string): Promise<ObjectionProgress | null> {
  const [row] = await db
    .select({
      id: creditObjections.id,
      trackingNo: creditObjections.trackingNo,
      kind: creditObjections.kind,
      status: creditObjections.status,
      createdAt: creditObjections.createdAt,
      entryId: creditEntries.id,
      name: creditEntries.name,
      subjectKind: creditEntries.subjectKind,
      personNameMasking: creditCategories.personNameMasking,
      category: creditCategories.name,
    })
    .from(creditObjections)
    .innerJoin(creditEntries, eq(creditEntries.id, creditObjections.entryId))
    .innerJoin(creditCategories, eq(creditCategories.id, creditEntries.categoryId))
    .where(and(eq(creditObjections.trackingNo, trackingNo), samePhone(creditObjections.applicantPhone, phone)))
    .limit(1);
  if (!row) return null;
  const [isPublic, events] = await Promise.all([isPublicCreditEntry(db, row.entryId), listObjectionEvents(db, row.id)]);
  return {
    id: row.id,
    trackingNo: row.trackingNo,
    kind: row.kind,
    status: row.status,
    createdAt: row.createdAt,
    entry: { id: row.entryId, name: publicSubjectName(row), category: row.category, isPublic },
    events,
  };
}

/** The progress trail, oldest first. */
export function listObjectionEvents(db: Db, objectionId: number) {
  return db
    .select({ toStatus: creditObjectionEvents.toStatus, note: creditObjectionEvents.note, at: creditObjectionEvents.at })
    .from(creditObjectionEvents)
    .where(eq(creditObjectionEvents.objectionId, objectionId))
    .orderBy(asc(creditObjectionEvents.at), asc(creditObjectionEvents.id));
}
