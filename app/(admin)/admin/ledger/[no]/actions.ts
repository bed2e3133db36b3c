'use server';

// One item's steps (db/queries/ledger/ledger-admin/transition.ts applies lib/ledger-workflow in one
// transaction with the event and the audit row) and publishing a photo's redacted copy.
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { insertMedia } from '@/db/queries/media';
import { publishIssuePhoto as savePublishedPhoto } from '@/db/queries/ledger/ledger-admin/items';
import { transition } from '@/db/queries/ledger/ledger-admin/transition';
import { unitMayOpen } from '@/db/queries/ledger/ledger-admin/items';
import type { IssuePhotoFile } from '@/db/queries/ledger/photos';
import { findIssuePhoto } from '@/db/queries/ledger/staff-extra';
import { idField, issueNoField, transitionFields } from '@/lib/ledger-input';
import { fieldErrorsOf, guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { dhashOf } from '@/server/image-hash';
import { removeUploadFiles } from '@/server/media';
import { CitizenFileError, filesOf, readCitizenFile, removeCitizenFile, storeCitizenFile } from '@/server/private-files';
import { blurFields, publicCopy } from './publish-photo';

/** After-photos a unit sends with its submission. */
const MAX_AFTER_PHOTOS = 4;

async function storeAfterPhotos(formData: FormData): Promise<{ files: IssuePhotoFile[] } | { error: string }> {
  const chosen = filesOf(formData, 'afterPhotos', MAX_AFTER_PHOTOS);
  if ('error' in chosen) return chosen;
  const files: IssuePhotoFile[] = [];
  try {
    for (const file of chosen.files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const stored = await storeCitizenFile(bytes, { allowPdf: false });
      files.push({ ...stored, originalName: file.name.split(/[\\/]/).pop()?.slice(0, 200) || '整改后照片', dhash: await dhashOf(bytes) });
    }
  } catch (error) {
    await Promise.all(files.map((f) => removeCitizenFile(f.storageKey, f.format)));
    if (error instanceof CitizenFileError) return { error: error.message };
    throw error;
  }
  return { files };
}

export const transitionIssue = guardedAction('ledger.view', transitionFields, async (input, { db, user, invalid, refuse }, formData): Promise<ActionState> => {
  let afterPhotos: IssuePhotoFile[] = [];
  if (input.action === 'submit') {
    const stored = await storeAfterPhotos(formData);
    if ('error' in stored) return invalid({ afterPhotos: stored.error });
    afterPhotos = stored.files;
  }
  const result = await transition(
    db,
    user,
    input.no,
    input.action,
    {
      publicNote: input.publicNote,
      internalNote: input.internalNote,
      reporterNote: input.reporterNote,
      unitId: input.unitId,
      urgent: input.urgent,
      plannedDate: input.plannedDate,
      duplicateOfNo: input.duplicateOfNo,
      afterPhotos,
    },
    (tx, done) =>
      recordAudit(tx, user, {
        action: `issue.${done.action}`,
        entityType: 'issue',
        entityId: done.issueId,
        before: done.before,
        after: { ...done.after, ...(done.repeatedNote ? { repeatedNote: true } : {}) },
        note: [done.note, input.internalNote ? `内部备注：${input.internalNote}` : null].filter(Boolean).join('；') || null,
      }),
  );
  if (!result.ok) {
    await Promise.all(afterPhotos.map((f) => removeCitizenFile(f.storageKey, f.format)));
    if (result.notFound) notFound();
    return result.field ? invalid({ [result.field]: result.message }) : refuse(result.message);
  }
  await invalidate(TAGS.ledger);
  revalidatePath('/admin/ledger');
  // A unit that returned an item no longer holds it (its page is a 404 for them): back to their list.
  if (user.role === 'unit' && result.action === 'return') redirect(`/admin/ledger?done=return&no=${result.no}`);
  redirect(`/admin/ledger/${result.no}?done=${result.action}`);
});

/**
 * 公开照片: the original with the chosen rectangles blurred, stored through the media path (WebP sizes,
 * no EXIF) and recorded as the photo's public copy, with an event and an audit row. Never for a category
 * whose photos are not public (不文明行为).
 */
export const publishIssuePhoto = guardedAction(
  'ledger.manage',
  z.looseObject({ no: issueNoField, photoId: idField('照片不存在，请刷新页面后重试') }),
  async (input, { db, user, invalid, refuse }, formData): Promise<ActionState> => {
    const rects = blurFields.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')));
    if (!rects.success) return invalid(fieldErrorsOf(rects.error));
    const photo = await findIssuePhoto(db, input.photoId);
    if (!photo || photo.issueNo !== input.no || (user.role === 'unit' && !unitMayOpen(photo, user.unitId))) return refuse('照片不存在，请刷新页面后重试。');
    if (!photo.photosPublic) return refuse('该类别的照片一律不公开（反映地点，不曝光个人）。');
    if (photo.publicMediaKey) return refuse('这张照片已经公开过了。');
    const original = await readCitizenFile(photo.storageKey, photo.format);
    if (!original) return refuse('原图暂时无法读取，请稍后再试。');
    const processed = await publicCopy(original, rects.data);
    const label = `${photo.issueNo} ${photo.stage === 'before' ? '问题照片' : '整改后照片'}`;
    try {
      const saved = await db.transaction(async (tx) => {
        const media = await insertMedia(tx, { ...processed, originalName: `${label}（公开副本）`, alt: label, uploadedBy: user.id });
        const done = await savePublishedPhoto(tx, user, photo.id, media.storageKey);
        if (!done.ok) return done;
        await recordAudit(tx, user, {
          action: 'issue.publish_photo',
          entityType: 'issue',
          entityId: done.issueId,
          after: { photoId: photo.id, publicMediaKey: media.storageKey, blurred: rects.data.length },
          note: rects.data.length > 0 ? `模糊 ${rects.data.length} 处后公开` : '未模糊，直接公开',
        });
        return done;
      });
      if (!saved.ok) {
        await removeUploadFiles(processed.storageKey);
        return refuse(saved.message);
      }
    } catch (error) {
      await removeUploadFiles(processed.storageKey);
      throw error;
    }
    await invalidate(TAGS.ledger);
    redirect(`/admin/ledger/${photo.issueNo}?done=publish`);
  },
);
