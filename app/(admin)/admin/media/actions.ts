'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { deleteMediaRow, findMedia, findMediaByKey, insertMedia, listMedia, updateMediaAlt } from '@/db/queries/media';
import type { MediaVariant } from '@/db/schema/media';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { currentUser } from '@/server/auth';
import { MAX_UPLOAD_BYTES, MediaUploadError, processUpload, removeUploadFiles } from '@/server/media';
import { isStorageKey, pickVariant, mediaUrl } from '@/lib/media-url';
import { can } from '@/lib/roles';

const alt = z
  .string()
  .trim()
  .min(2, '请填写替代文字（2-120个字），说明图片里是什么，供读屏软件朗读')
  .max(120, '替代文字不超过120个字');
const mediaId = z.coerce.number().int().positive();

const uploadSchema = z.object({
  alt,
  file: z
    .instanceof(File, { message: '请选择要上传的图片' })
    .refine((f) => f.size > 0, '请选择要上传的图片')
    // Checked again on the bytes in processUpload; here it spares reading a file that is refused anyway.
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, '图片不能超过10MB，请压缩后再上传'),
});

function safeOriginalName(name: string): string {
  // Only shown to editors as a reminder; the stored files never use it.
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.slice(0, 200) || '未命名图片';
}

/** The upload's answer: with the new image's storage key, so an editor can insert it at once. */
export type MediaUploadState = ActionState & { storageKey?: string };

/**
 * The one upload path of the media library: the media page's form and the article editor's 插入图片 panel
 * both post here. Checked and re-encoded (server/media.ts), stored with its row and audit entry.
 */
export const uploadMedia = guardedAction('media.upload', uploadSchema, async (input, { db, user, invalid }): Promise<MediaUploadState> => {
  let processed;
  try {
    processed = await processUpload(new Uint8Array(await input.file.arrayBuffer()), { maxBytes: MAX_UPLOAD_BYTES });
  } catch (error) {
    if (!(error instanceof MediaUploadError)) throw error;
    console.warn(`upload refused (${error.code}) for user ${user.id}`);
    return invalid({ file: error.message });
  }
  const originalName = safeOriginalName(input.file.name);
  try {
    await db.transaction(async (t) => {
      const row = await insertMedia(t, { ...processed, originalName, alt: input.alt, uploadedBy: user.id });
      await recordAudit(t, user, {
        action: 'media.upload',
        entityType: 'media',
        entityId: row.id,
        after: { storageKey: row.storageKey, originalName, format: row.format, width: row.width, height: row.height, bytes: row.bytes, alt: row.alt },
      });
    });
  } catch (error) {
    // No row, no audit entry: the files must not stay behind either.
    await removeUploadFiles(processed.storageKey);
    throw error;
  }
  revalidatePath('/admin/media');
  return { ok: true, storageKey: processed.storageKey };
});

export const updateMediaAltText = guardedAction('media.upload', z.object({ id: mediaId, alt }), async (input, { db, user }) => {
  const before = await findMedia(db, input.id);
  if (!before) return { message: '图片不存在或已被删除。' };
  if (before.alt === input.alt) return { ok: true };
  await db.transaction(async (t) => {
    await updateMediaAlt(t, input.id, input.alt);
    await recordAudit(t, user, { action: 'media.update_alt', entityType: 'media', entityId: input.id, before: { alt: before.alt }, after: { alt: input.alt } });
  });
  revalidatePath('/admin/media');
  return { ok: true };
});

export const deleteMediaAsset = guardedAction(
  'media.upload',
  z.object({ id: mediaId, confirm: z.literal('yes', { error: '请先勾选“确认删除”' }) }),
  async (input, { db, user }) => {
    const deleted = await db.transaction(async (t) => {
      const row = await deleteMediaRow(t, input.id);
      if (row) {
        await recordAudit(t, user, { action: 'media.delete', entityType: 'media', entityId: row.id, before: { storageKey: row.storageKey, originalName: row.originalName, alt: row.alt } });
      }
      return row;
    });
    if (!deleted) return { message: '图片不存在或已被删除。' };
    // Files go only after the row and its audit entry are committed.
    await removeUploadFiles(deleted.storageKey);
    revalidatePath('/admin/media');
    return { ok: true };
  },
);

export type PickerAsset = { storageKey: string; alt: string; thumbUrl: string };
export type PickerResult = { ok: true; items: PickerAsset[]; page: number; pages: number } | { ok: false; message: string };

const PICKER_PAGE_SIZE = 12;

function toPickerAsset(row: { storageKey: string; alt: string; variants: MediaVariant[] }): PickerAsset {
  const thumb = pickVariant(row.variants, 320);
  return { storageKey: row.storageKey, alt: row.alt, thumbUrl: mediaUrl(row.storageKey, thumb?.width ?? 320) };
}

async function pickerAllowed(): Promise<boolean> {
  const user = await currentUser();
  return Boolean(user && can(user.role, 'media.upload'));
}

const REFUSED = '登录已过期或没有权限，请重新登录后再选择图片。';

/** One page of the library for <MediaPicker> in editors' forms. */
export async function listMediaForPicker(page: number): Promise<PickerResult> {
  if (!(await pickerAllowed())) return { ok: false, message: REFUSED };
  const parsed = z.number().int().min(1).max(100_000).safeParse(page);
  const current = parsed.success ? parsed.data : 1;
  const { rows, total } = await listMedia(await getDb(), current, PICKER_PAGE_SIZE);
  return { ok: true, items: rows.map(toPickerAsset), page: current, pages: Math.max(1, Math.ceil(total / PICKER_PAGE_SIZE)) };
}

/** The asset behind a stored key, so a picker opened on a saved form can show its thumbnail. */
export async function findMediaForPicker(storageKey: string): Promise<PickerAsset | null> {
  if (typeof storageKey !== 'string' || !isStorageKey(storageKey) || !(await pickerAllowed())) return null;
  const row = await findMediaByKey(await getDb(), storageKey);
  return row ? toPickerAsset(row) : null;
}
