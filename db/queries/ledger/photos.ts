// An item's photo rows: the original kept as a private file (staff only), its perceptual hash, and the
// earlier photo it repeats (the same photo sent twice is flagged for staff, not refused).
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { IssuePhotoStage } from '@/lib/enums';
import { DUPLICATE_DISTANCE, isPhotoHash } from '@/lib/photo-hash';
import type { StoredCitizenFile } from '@/lib/stored-files';
import type { Db } from '../../client';
import { issuePhotos } from '../../schema';
import { assignPrivateFiles, insertPrivateFile } from '../private-files';

/** A checked and re-encoded photo (server/private-files.ts) with its hash (server/image-hash.ts). */
export type IssuePhotoFile = StoredCitizenFile & { originalName: string; dhash: string | null };

/** The nearest earlier photo of another item within DUPLICATE_DISTANCE bits, or null. */
export async function findSamePhoto(db: Db, dhash: string, exceptIssueId: number): Promise<number | null> {
  if (!isPhotoHash(dhash)) return null;
  const distance = sql<number>`bit_count(('x' || ${issuePhotos.dhash})::bit(64) # ('x' || ${dhash})::bit(64))`;
  const [row] = await db
    .select({ id: issuePhotos.id })
    .from(issuePhotos)
    .where(and(isNotNull(issuePhotos.dhash), ne(issuePhotos.issueId, exceptIssueId), sql`${distance} <= ${DUPLICATE_DISTANCE}`))
    .orderBy(asc(distance), desc(issuePhotos.id))
    .limit(1);
  return row?.id ?? null;
}

/** Stores the rows of an item's photos (the files are already in the private store). Returns their ids. */
export async function insertIssuePhotos(db: Db, issueId: number, stage: IssuePhotoStage, files: readonly IssuePhotoFile[]): Promise<number[]> {
  const ids: number[] = [];
  for (const file of files) {
    const fileId = await insertPrivateFile(db, { ...file, purpose: 'issue' });
    await assignPrivateFiles(db, [fileId], 'issue', issueId);
    const dhash = file.dhash && isPhotoHash(file.dhash) ? file.dhash : null;
    const duplicateOfPhotoId = dhash ? await findSamePhoto(db, dhash, issueId) : null;
    const [row] = await db.insert(issuePhotos).values({ issueId, stage, privateFileId: fileId, dhash, duplicateOfPhotoId }).returning({ id: issuePhotos.id });
    ids.push(row!.id);
  }
  return ids;
}

/** How many photos of a stage an item has. */
export async function countIssuePhotos(db: Db, issueId: number, stage: IssuePhotoStage): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(issuePhotos).where(and(eq(issuePhotos.issueId, issueId), eq(issuePhotos.stage, stage)));
  return Number(row?.n ?? 0);
}
