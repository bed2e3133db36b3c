'use server';
// Citizens' actions on the 好人榜: like, comment, report a comment, recommend someone, look a
// recommendation up. Each is rate-limited per address (server/rate-limit.ts POLICIES) by citizenAction.
import { z } from 'zod';
import { addComment, findRecommendationStatus, likePerson, reportComment, saveRecommendation } from '@/db/queries/people-citizen';
import { getSetting } from '@/db/queries/settings';
import { citizenAction, type ActionState } from '@/server/actions';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { commentFields, recommendationStatusFields, recommendFields, recordId } from '@/lib/person-input';
import { formatDateTime } from '@/lib/dates';
import { maskPhone } from '@/lib/mask';
import { ALREADY_LIKED, REPORT_RECEIVED, STATUS_NOT_FOUND } from '@/lib/people-public';
import { CitizenFileError, filesOf, removeCitizenFile, storeCitizenFile, type StoredCitizenFile } from '@/server/private-files';
import { POLICIES } from '@/server/rate-limit';
import { findSensitiveWords } from '@/lib/sensitive-words';
import { currentVisitor, reporterKeys } from '@/server/visitor-id';
import { visitorStoredKey } from '@/lib/visitor-signature';

/** `liked`: this visitor's like for today is counted (just now or earlier today). */
export type LikeState = ActionState & { likeCount?: number; liked?: boolean };
export type RecommendState = ActionState & { receiptNo?: string };
export type StatusView = {
  receiptNo: string;
  nomineeName: string;
  category: string;
  status: 'pending' | 'accepted' | 'rejected';
  rejectReason: string | null;
  submittedAt: string;
  maskedPhone: string;
  publicPersonId: number | null;
};
export type StatusState = ActionState & { result?: StatusView };

export const likeAction = citizenAction(POLICIES.like, z.object({ personId: recordId('人物') }), async ({ personId }, { db }) => {
  const result = await likePerson(db, personId, visitorStoredKey((await currentVisitor()).id));
  let state: LikeState;
  if (result.outcome === 'liked') {
    // No cache invalidation per like: during a vote that would re-render every 好人榜 page for every
    // click. The answer carries the fresh count; cached pages show it within their short lifetime
    // (server/cache/page-cache.ts PAGE_TTL_SECONDS).
    state = { ok: true, message: '点赞成功，感谢您的支持！', likeCount: result.likeCount, liked: true };
  } else if (result.outcome === 'already') {
    state = { ok: false, message: ALREADY_LIKED, likeCount: result.likeCount, liked: true };
  } else {
    state = { ok: false, message: '该人物目前不在点赞评议期，暂不能点赞。' };
  }
  return state;
});

export const commentAction = citizenAction(POLICIES.comment, commentFields, async (input, { db }) => {
  const words = await getSetting(db, 'sensitiveWords');
  const flaggedWords = findSensitiveWords(`${input.nickname}\n${input.body}`, words);
  const id = await addComment(db, { ...input, flaggedWords });
  if (id === null) return { message: '该人物目前不接受评论。' };
  return { ok: true };
});

export const reportAction = citizenAction(POLICIES.report, z.object({ commentId: recordId('评论') }), async ({ commentId }, { db, ip }) => {
  // The same answer whatever happened: nothing here tells whether the report was new or what it caused.
  // One report per comment per signed visitor id and per address: invented ids from one machine count once.
  if ((await reportComment(db, commentId, await reporterKeys(await currentVisitor(), ip))) === 'counted') await invalidate(TAGS.people);
  return { ok: true, message: REPORT_RECEIVED };
});

const MAX_PHOTOS = 5;

export const recommendAction = citizenAction(POLICIES.recommend, recommendFields, async (input, { db }, formData) => {
  const { nomineeName, region, category, deed, story, recommenderName, recommenderPhone } = input;
  const fields = { nomineeName, region, category, deed, story, recommenderName, recommenderPhone };
  // A refused form keeps what was typed; files cannot be echoed, so the citizen is told to choose them again.
  const keep = { ...fields, consent: 'on' };
  const picked = filesOf(formData, 'photos', MAX_PHOTOS);
  if ('error' in picked) return { fieldErrors: { photos: picked.error }, message: '请按提示修改标出的项目（照片需要重新选择）。', values: keep };

  const stored: (StoredCitizenFile & { originalName: string })[] = [];
  const discard = () => Promise.all(stored.map((f) => removeCitizenFile(f.storageKey, f.format)));
  for (const file of picked.files) {
    try {
      stored.push({ ...(await storeCitizenFile(new Uint8Array(await file.arrayBuffer()), { allowPdf: false })), originalName: file.name });
    } catch (error) {
      await discard();
      if (!(error instanceof CitizenFileError)) throw error;
      return { fieldErrors: { photos: `${file.name}：${error.message}` }, message: '请按提示修改标出的项目（照片需要重新选择）。', values: keep };
    }
  }

  const words = await getSetting(db, 'sensitiveWords');
  const flaggedWords = findSensitiveWords([fields.nomineeName, fields.region, fields.deed, fields.story, fields.recommenderName].join('\n'), words);
  try {
    const saved = await saveRecommendation(db, { ...fields, flaggedWords }, stored);
    const state: RecommendState = { ok: true, receiptNo: saved.receiptNo };
    return state;
  } catch (error) {
    await discard();
    throw error;
  }
});

export const statusLookupAction = citizenAction(POLICIES.statusLookup, recommendationStatusFields, async ({ receiptNo, phone }, { db }) => {
  const found = await findRecommendationStatus(db, receiptNo, phone);
  // The phone is never sent back: the form is cleared of it, the answer shows it masked.
  if (!found) return { message: STATUS_NOT_FOUND, values: { receiptNo } };
  const state: StatusState = {
    ok: true,
    values: { receiptNo },
    result: {
      receiptNo: found.receiptNo,
      nomineeName: found.nomineeName,
      category: found.category,
      status: found.status,
      rejectReason: found.rejectReason,
      submittedAt: formatDateTime(found.submittedAt),
      maskedPhone: maskPhone(found.recommenderPhone),
      publicPersonId: found.publicPersonId,
    },
  };
  return state;
});
