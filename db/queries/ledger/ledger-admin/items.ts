// Staff's view of one item (every column, every note, every photo) and items entered by staff. A unit
// handler sees only its own unit's items, and only once assigned: another unit's item is a 404.
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cityDay } from '@/lib/dates';
import type { IssueSource, IssueStatus, UserRole } from '@/lib/enums';
import { normalizeIssueNo } from '@/lib/ledger-number';
import type { Db } from '../../../client';
import { issueCategories, issueEvents, issuePhotos, issues, privateFiles, units, users } from '../../../schema';
import { nextIssueNo } from '../numbers';

/** States in which an item is its unit's business (assigned up to closed). */
const UNIT_STATES: readonly IssueStatus[] = ['assigned', 'fixing', 'planned', 'verifying', 'closed'];

/** Whether a unit handler of `unitId` may open the item. */
export function unitMayOpen(item: { status: IssueStatus; unitId: number | null }, unitId: number | null): boolean {
  return unitId !== null && item.unitId === unitId && UNIT_STATES.includes(item.status);
}

const duplicateOf = alias(issues, 'duplicate_of');
const proposedUnit = alias(units, 'proposed_unit');

/**
 * One item for a staff page, or null (-> 404) when it does not exist or the user is a unit handler of
 * another unit. Holds the private columns (phone, exact position, unpublished name): staff pages only.
 */
export async function itemForActor(db: Db, no: string, user: { role: UserRole; unitId: number | null }) {
  const [item] = await db
    .select({
      id: issues.id,
      no: issues.no,
      source: issues.source,
      status: issues.status,
      categoryId: issues.categoryId,
      categoryName: issueCategories.name,
      photosPublic: issueCategories.photosPublic,
      deadlineDays: issueCategories.deadlineDays,
      urgentHours: issueCategories.urgentHours,
      proposedUnitId: issueCategories.defaultUnitId,
      proposedUnitName: proposedUnit.name,
      description: issues.description,
      address: issues.address,
      area: issues.area,
      lat: issues.lat,
      lng: issues.lng,
      publicLat: issues.publicLat,
      publicLng: issues.publicLng,
      reporterName: issues.reporterName,
      reporterNamePublic: issues.reporterNamePublic,
      reporterPhone: issues.reporterPhone,
      flaggedWords: issues.flaggedWords,
      unitId: issues.unitId,
      unitName: units.name,
      urgent: issues.urgent,
      assignedAt: issues.assignedAt,
      deadlineAt: issues.deadlineAt,
      plannedDate: issues.plannedDate,
      submittedAt: issues.submittedAt,
      returnCount: issues.returnCount,
      reopenCount: issues.reopenCount,
      closedAt: issues.closedAt,
      rating: issues.rating,
      ratingComment: issues.ratingComment,
      ratedAt: issues.ratedAt,
      duplicateOfId: issues.duplicateOfId,
      duplicateOfNo: duplicateOf.no,
      supports: issues.supports,
      documentNo: issues.documentNo,
      createdAt: issues.createdAt,
      updatedAt: issues.updatedAt,
      version: issues.version,
    })
    .from(issues)
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .leftJoin(units, eq(units.id, issues.unitId))
    .leftJoin(proposedUnit, eq(proposedUnit.id, issueCategories.defaultUnitId))
    .leftJoin(duplicateOf, eq(duplicateOf.id, issues.duplicateOfId))
    .where(eq(issues.no, normalizeIssueNo(no)))
    .limit(1);
  if (!item) return null;
  if (user.role === 'unit' && !unitMayOpen(item, user.unitId)) return null;
  const [events, photos] = await Promise.all([listIssueEvents(db, item.id), listIssuePhotos(db, item.id)]);
  return { ...item, events, photos };
}

export type StaffIssue = NonNullable<Awaited<ReturnType<typeof itemForActor>>>;

/** The whole timeline for staff: who, when, every note, the repeated-note flag. */
export async function listIssueEvents(db: Db, issueId: number) {
  return db
    .select({
      id: issueEvents.id,
      kind: issueEvents.kind,
      fromStatus: issueEvents.fromStatus,
      toStatus: issueEvents.toStatus,
      actorName: users.displayName,
      unitName: units.name,
      publicNote: issueEvents.publicNote,
      internalNote: issueEvents.internalNote,
      reporterNote: issueEvents.reporterNote,
      repeatedNote: issueEvents.repeatedNote,
      at: issueEvents.createdAt,
    })
    .from(issueEvents)
    .leftJoin(users, eq(users.id, issueEvents.actorUserId))
    .leftJoin(units, eq(units.id, issueEvents.actorUnitId))
    .where(eq(issueEvents.issueId, issueId))
    .orderBy(asc(issueEvents.createdAt), asc(issueEvents.id));
}

/** Every photo with its private original (opened through /admin/files/<privateFileId>) and its published copy. */
export async function listIssuePhotos(db: Db, issueId: number) {
  return db
    .select({
      id: issuePhotos.id,
      stage: issuePhotos.stage,
      privateFileId: issuePhotos.privateFileId,
      format: privateFiles.format,
      publicMediaKey: issuePhotos.publicMediaKey,
      dhash: issuePhotos.dhash,
      duplicateOfPhotoId: issuePhotos.duplicateOfPhotoId,
      duplicateOfNo: sql<string | null>`(select i.no from ${issuePhotos} p join ${issues} i on i.id = p.issue_id where p.id = ${issuePhotos.duplicateOfPhotoId})`,
      createdAt: issuePhotos.createdAt,
    })
    .from(issuePhotos)
    .innerJoin(privateFiles, eq(privateFiles.id, issuePhotos.privateFileId))
    .where(eq(issuePhotos.issueId, issueId))
    .orderBy(asc(issuePhotos.stage), asc(issuePhotos.id));
}

/**
 * Records a photo's published copy (media_assets key of the redacted WebP staff made), with an event.
 * Photos of a category that is never public (不文明行为) cannot be published.
 */
export async function publishIssuePhoto(db: Db, actor: { id: number }, photoId: number, mediaKey: string, now: Date = new Date()): Promise<{ ok: true; issueId: number; no: string } | { ok: false; message: string }> {
  const [photo] = await db
    .select({ id: issuePhotos.id, issueId: issues.id, no: issues.no, status: issues.status, unitId: issues.unitId, photosPublic: issueCategories.photosPublic })
    .from(issuePhotos)
    .innerJoin(issues, eq(issues.id, issuePhotos.issueId))
    .innerJoin(issueCategories, eq(issueCategories.id, issues.categoryId))
    .where(eq(issuePhotos.id, photoId))
    .limit(1);
  if (!photo) return { ok: false, message: '照片不存在。' };
  if (!photo.photosPublic) return { ok: false, message: '该类别的照片一律不公开（反映地点，不曝光个人）。' };
  await db.update(issuePhotos).set({ publicMediaKey: mediaKey }).where(eq(issuePhotos.id, photoId));
  await db.insert(issueEvents).values({ issueId: photo.issueId, kind: 'publish_photo', fromStatus: photo.status, toStatus: photo.status, actorUserId: actor.id, actorUnitId: photo.unitId, createdAt: now });
  await db.update(issues).set({ updatedAt: now }).where(eq(issues.id, photo.issueId));
  return { ok: true, issueId: photo.issueId, no: photo.no };
}

export type StaffIssueInput = { source: IssueSource; categoryId: number; description: string; address: string; area: string; documentNo: string };

/**
 * An item found by staff (督查, 测评, 12345): entered as 已受理 (an inspection's finding needs no review),
 * waiting to be assigned. Runs in the caller's transaction.
 */
export async function insertStaffIssue(db: Db, actor: { id: number }, input: StaffIssueInput, now: Date = new Date()): Promise<{ ok: true; id: number; no: string } | { ok: false; field: 'categoryId'; message: string }> {
  const [category] = await db.select({ id: issueCategories.id }).from(issueCategories).where(eq(issueCategories.id, input.categoryId)).limit(1);
  if (!category) return { ok: false, field: 'categoryId', message: '该问题类别不存在，请重新选择' };
  const no = await nextIssueNo(db, Number(cityDay(now).slice(0, 4)));
  const [row] = await db
    .insert(issues)
    .values({
      no,
      source: input.source,
      categoryId: input.categoryId,
      description: input.description,
      address: input.address,
      area: input.area,
      documentNo: input.documentNo || null,
      status: 'accepted',
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: issues.id });
  await db.insert(issueEvents).values({ issueId: row!.id, kind: 'report', fromStatus: null, toStatus: 'accepted', actorUserId: actor.id, publicNote: `${input.source}发现`, createdAt: now });
  return { ok: true, id: row!.id, no };
}

/** Whether an identical finding (same document number, place and description) is already in the ledger. */
export async function findingExists(db: Db, finding: { documentNo: string; address: string; description: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: issues.id })
    .from(issues)
    .where(and(eq(issues.documentNo, finding.documentNo), eq(issues.address, finding.address), eq(issues.description, finding.description)))
    .limit(1);
  return Boolean(row);
}
