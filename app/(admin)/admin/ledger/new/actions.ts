'use server';

// 录入问题: an item found by staff (督查, 测评, 12345), saved as 已受理 with its photos, audited.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { insertStaffIssue } from '@/db/queries/ledger/ledger-admin/items';
import { insertIssuePhotos, type IssuePhotoFile } from '@/db/queries/ledger/photos';
import { MAX_REPORT_PHOTOS, staffIssueFields } from '@/lib/ledger-input';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { dhashOf } from '@/server/image-hash';
import { CitizenFileError, filesOf, removeCitizenFile, storeCitizenFile } from '@/server/private-files';

export const createStaffIssue = guardedAction('ledger.enter', staffIssueFields, async (input, { db, user, invalid }, formData): Promise<ActionState> => {
  if (input.source === '随手拍') return invalid({ source: '随手拍问题由市民提交，请选择督查、测评或12345' });
  if (input.source === '督查' && !input.documentNo) return invalid({ documentNo: '督查发现的问题请填写督查通报或交办单的文号' });
  const chosen = filesOf(formData, 'photos', MAX_REPORT_PHOTOS);
  if ('error' in chosen) return invalid({ photos: chosen.error });
  const photos: IssuePhotoFile[] = [];
  try {
    for (const file of chosen.files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      photos.push({ ...(await storeCitizenFile(bytes, { allowPdf: false })), originalName: file.name.split(/[\\/]/).pop()?.slice(0, 200) || '问题照片', dhash: await dhashOf(bytes) });
    }
  } catch (error) {
    await Promise.all(photos.map((f) => removeCitizenFile(f.storageKey, f.format)));
    if (error instanceof CitizenFileError) return invalid({ photos: error.message });
    throw error;
  }
  const result = await db.transaction(async (tx) => {
    const created = await insertStaffIssue(tx, user, input);
    if (!created.ok) return created;
    await insertIssuePhotos(tx, created.id, 'before', photos);
    await recordAudit(tx, user, {
      action: 'issue.create',
      entityType: 'issue',
      entityId: created.id,
      after: { no: created.no, source: input.source, categoryId: input.categoryId, address: input.address, area: input.area, documentNo: input.documentNo || null, photos: photos.length },
    });
    return created;
  });
  if (!result.ok) {
    await Promise.all(photos.map((f) => removeCitizenFile(f.storageKey, f.format)));
    return invalid({ [result.field]: result.message });
  }
  await invalidate(TAGS.ledger);
  revalidatePath('/admin/ledger');
  redirect(`/admin/ledger/${result.no}?done=created`);
});
