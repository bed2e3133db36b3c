'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { insertMedia } from '@/db/queries/media';
import { acceptRecommendation, findRecommendation, rejectRecommendation } from '@/db/queries/people-admin/recommendations';
import { findPrivateFile } from '@/db/queries/private-files';
import type { Db } from '@/db/client';
import { guardedAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { cityDay } from '@/lib/dates';
import { maskPiiInText, personalNumbersMessage } from '@/lib/pii-detect';
import { MediaUploadError, processUpload, removeUploadFiles, type ProcessedUpload } from '@/server/media';
import { readCitizenFile } from '@/server/private-files';

const ENTITY = 'good_person_recommendation';
const id = z.coerce.number().int().positive();

/** The recommendation's first photo re-encoded into the media library's sizes (files only; the row comes later). */
async function photoUpload(db: Db, fileId: number | undefined): Promise<ProcessedUpload | null | string> {
  if (!fileId) return '这条推荐没有照片，请取消勾选“使用第一张照片”。';
  const file = await findPrivateFile(db, fileId);
  const bytes = file?.format === 'webp' ? await readCitizenFile(file.storageKey, file.format) : null;
  if (!bytes) return '第一张照片已不存在或不是图片，请取消勾选“使用第一张照片”。';
  try {
    return await processUpload(bytes);
  } catch (error) {
    if (error instanceof MediaUploadError) return `第一张照片无法放入媒体库：${error.message}。可取消勾选后采纳，再另选照片。`;
    throw error;
  }
}

const acceptSchema = z.object({
  id,
  batchId: z
    .string()
    .trim()
    .transform((v) => (/^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null)),
  usePhoto: z.literal('on').optional(),
});

/** 采纳: a draft 身边好人 in the chosen batch (default this month's, made if missing), linked to the recommendation. */
export const acceptPeopleRecommendation = guardedAction('content.edit', acceptSchema, async (input, { db, user, values, refuse, maskPii }): Promise<ActionState> => {
  const rec = await findRecommendation(db, input.id);
  if (!rec) return refuse('推荐不存在。');
  if (rec.status !== 'pending') return refuse('此推荐已处理过，请刷新页面。');
  // The nominee's text becomes a public profile: personal numbers in it are refused, or masked on request.
  const withNumbers = (['nomineeName', 'region', 'deed', 'story'] as const).filter((field) => personalNumbersMessage(rec[field]));
  if (withNumbers.length > 0 && !maskPii) {
    return { message: '推荐内容含有身份证号、手机号或银行卡号等个人信息，不能原样采纳。请不予采纳，或勾选“打码后采纳”后再点“采纳”（采纳后仍可在人物编辑页修改）。', values, piiFields: [...withNumbers] };
  }
  let upload: ProcessedUpload | null = null;
  if (input.usePhoto) {
    const made = await photoUpload(db, rec.photoIds[0]);
    if (typeof made === 'string') return refuse(made);
    upload = made;
  }
  const alt = `${rec.nomineeName}照片`;
  let result;
  try {
    result = await acceptRecommendation(db, input.id, user, {
      batchId: input.batchId,
      month: cityDay().slice(0, 7),
      photo: upload ? { key: upload.storageKey, alt } : null,
      maskPersonalNumbers: withNumbers.length > 0,
      onAccepted: async (tx, done) => {
        if (upload) {
          const media = await insertMedia(tx, { ...upload, originalName: `推荐${rec.receiptNo}的照片`, alt, uploadedBy: user.id });
          await recordAudit(tx, user, { action: 'media.upload', entityType: 'media', entityId: media.id, after: { storageKey: media.storageKey, alt, from: `recommendation ${rec.id}` } });
        }
        await recordAudit(tx, user, { action: 'good_person.create', entityType: 'good_person', entityId: done.personId, after: { name: maskPiiInText(rec.nomineeName), region: maskPiiInText(rec.region), category: rec.category, level: '身边好人', batchId: done.batchId, photo: upload?.storageKey ?? null }, note: `采纳推荐 ${rec.receiptNo}` });
        await recordAudit(tx, user, { action: 'recommendation.accept', entityType: ENTITY, entityId: rec.id, before: { status: 'pending' }, after: { status: 'accepted', personId: done.personId, batchId: done.batchId, ...(withNumbers.length > 0 ? { personalNumbersMasked: withNumbers } : {}) } });
      },
    });
  } catch (error) {
    if (upload) await removeUploadFiles(upload.storageKey);
    throw error;
  }
  if (!result.ok) {
    if (upload) await removeUploadFiles(upload.storageKey);
    return refuse(result.message);
  }
  await invalidate(TAGS.people);
  revalidatePath('/admin/good-people/recommendations');
  redirect(`/admin/good-people/${result.personId}?created=1&from=recommendation`);
});

const rejectSchema = z.object({
  id,
  reason: z.string().trim().min(2, '请填写不予采纳的理由（2-200个字），推荐人查询时会看到').max(200, '理由不超过200个字'),
});

/** 不予采纳 with a reason the recommender sees when looking the receipt up. */
export const rejectPeopleRecommendation = guardedAction('content.edit', rejectSchema, async (input, { db, user, refuse }): Promise<ActionState> => {
  const done = await rejectRecommendation(db, input.id, input.reason, user, (tx) =>
    recordAudit(tx, user, { action: 'recommendation.reject', entityType: ENTITY, entityId: input.id, before: { status: 'pending' }, after: { status: 'rejected', rejectReason: input.reason } }),
  );
  if (!done) return refuse('此推荐不存在或已处理过，请刷新页面。');
  await invalidate(TAGS.people);
  revalidatePath('/admin/good-people/recommendations');
  return { ok: true };
});
