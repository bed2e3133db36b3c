'use server';
// Citizens' actions on the 好人榜: like, comment, report a comment, recommend someone, look a
// recommendation up. Each is rate-limited per address (server/rate-limit.ts POLICIES) by citizenAction.
import { z } from 'zod';
import { addComment, findRecommendationStatus, likePerson, reportComment, saveRecommendation } from '@/db/queries/people-citizen';
import { getSetting } from '@/db/queries/settings';
import { citizenAction, type ActionState } from '@/server/actions';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { normalizeTrackingNo, phoneSchema, visibleText } from '@/lib/citizen-input';
import { formatDateTime } from '@/lib/dates';
import { maskPhone } from '@/lib/mask';
import { ALREADY_LIKED, REPORT_RECEIVED, STATUS_NOT_FOUND } from '@/lib/people-public';
import { CitizenFileError, filesOf, removeCitizenFile, storeCitizenFile, type StoredCitizenFile } from '@/server/private-files';
import { POLICIES } from '@/server/rate-limit';
import { findSensitiveWords } from '@/lib/sensitive-words';
import { currentVisitor, reporterKeys } from '@/server/visitor-id';
import { visitorStoredKey } from '@/lib/visitor-signature';
import { GOOD_PERSON_CATEGORIES } from '@/lib/enums';

export type LikeState = ActionState & { likeCount?: number };
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

const recordId = (label: string) => {
  const error = `${label}无效，请刷新页面后重试`;
  return z.coerce.number({ error }).int({ error }).positive({ error }).max(2_147_483_647, { error });
};

export const likeAction = citizenAction(POLICIES.like, z.object({ personId: recordId('人物') }), async ({ personId }, { db }) => {
  const result = await likePerson(db, personId, visitorStoredKey((await currentVisitor()).id));
  let state: LikeState;
  if (result.outcome === 'liked') {
    // No cache invalidation per like: during a vote that would re-render every 好人榜 page for every
    // click. The answer carries the fresh count; cached pages show it within their short lifetime
    // (server/cache/page-cache.ts PAGE_TTL_SECONDS).
    state = { ok: true, message: '点赞成功，感谢您的支持！', likeCount: result.likeCount };
  } else if (result.outcome === 'already') {
    state = { ok: false, message: ALREADY_LIKED, likeCount: result.likeCount };
  } else {
    state = { ok: false, message: '该人物目前不在点赞评议期，暂不能点赞。' };
  }
  return state;
});

const commentSchema = z.object({
  personId: recordId('人物'),
  nickname: visibleText('昵称', 0, 20).transform((v) => v || '网友'),
  body: visibleText('评论内容', 5, 500),
});

export const commentAction = citizenAction(POLICIES.comment, commentSchema, async (input, { db }) => {
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

const recommendSchema = z.object({
  nomineeName: visibleText('被推荐人姓名', 2, 20),
  region: visibleText('所在地区/单位', 2, 50),
  category: z.enum(GOOD_PERSON_CATEGORIES, { error: '请选择类别' }),
  deed: visibleText('一句话事迹', 30, 200),
  story: visibleText('详细事迹', 0, 3000),
  recommenderName: visibleText('推荐人姓名', 2, 20),
  recommenderPhone: phoneSchema,
  consent: z.literal('on', { error: '请确认所填信息真实后勾选承诺' }),
});

const MAX_PHOTOS = 5;

export const recommendAction = citizenAction(POLICIES.recommend, recommendSchema, async (input, { db }, formData) => {
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

const statusSchema = z.object({
  receiptNo: z
    .string()
    .transform(normalizeTrackingNo)
    .refine((v) => v.length > 0, '请填写回执号')
    .refine((v) => v.length === 0 || /^TJ\d{8}-[0-9A-Z]{6}$/.test(v), '回执号格式为 TJ+8位日期-6位字母数字，如 TJ20261123-7KQ4M9'),
  phone: phoneSchema,
});

export const statusLookupAction = citizenAction(POLICIES.statusLookup, statusSchema, async ({ receiptNo, phone }, { db }) => {
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
