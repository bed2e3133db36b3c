'use server';
// Citizens' actions of 随手拍: report a problem (photos kept private), 我也遇到 on an open item instead of a
// duplicate, look a report up with its receipt number and phone, and rate it after closure. Each is
// rate-limited per address (server/rate-limit.ts POLICIES) by citizenAction.
import { addSupport, createReport, rateIssue } from '@/db/queries/ledger/ledger-citizen';
import { listUnitsPublic, snapStatus } from '@/db/queries/ledger/ledger';
import { areaGroups, isKnownArea } from '@/db/queries/ledger/public-extra';
import { getSetting } from '@/db/queries/settings';
import { citizenAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { dhashOf } from '@/server/image-hash';
import { CitizenFileError, filesOf, readCitizenFile, removeCitizenFile, storeCitizenFile, type StoredCitizenFile } from '@/server/private-files';
import { POLICIES } from '@/server/rate-limit';
import { currentVisitor } from '@/server/visitor-id';
import { z } from 'zod';
import { MAX_REPORT_PHOTOS, rateFields, reportFields, snapStatusFields, supportFields } from '@/lib/ledger-input';
import { findSensitiveWords } from '@/lib/sensitive-words';
import { visitorStoredKey } from '@/lib/visitor-signature';
import { openRatingToken } from './rating-token';
import { statusView, type SnapStatusView } from './status-view';

export type ReportState = ActionState & { receiptNo?: string };
export type SupportState = ActionState & { supports?: number; supported?: boolean };
/** `shownAt`: the page shows the newer of the look-up's and the rating's answers. */
export type SnapStatusState = ActionState & { result?: SnapStatusView; shownAt?: number };
export type RateState = SnapStatusState & { rated?: boolean; reopened?: boolean };

const PHOTOS_AGAIN = '请按提示修改标出的项目（照片需要重新选择）。';

export const reportAction = citizenAction(POLICIES.snap, reportFields, async (input, { db, values }, formData) => {
  // A refused form keeps what was typed (the sender's own answer to a POST, never cached); files cannot be
  // echoed, so the citizen is told to choose them again.
  // The area comes from step 1's select: it must still be one the units answer for.
  if (!isKnownArea(areaGroups(await listUnitsPublic(db)), input.area)) return { fieldErrors: { area: '请返回第一步重新选择问题所在片区' }, message: '请按提示修改标出的项目。', values };
  const picked = filesOf(formData, 'photos', MAX_REPORT_PHOTOS);
  if ('error' in picked) return { fieldErrors: { photos: picked.error }, message: PHOTOS_AGAIN, values };

  const stored: (StoredCitizenFile & { originalName: string; dhash: string | null })[] = [];
  const discard = () => Promise.all(stored.map((f) => removeCitizenFile(f.storageKey, f.format)));
  for (const file of picked.files) {
    try {
      const saved = await storeCitizenFile(new Uint8Array(await file.arrayBuffer()), { allowPdf: false });
      const bytes = await readCitizenFile(saved.storageKey, saved.format);
      stored.push({ ...saved, originalName: file.name, dhash: bytes ? await dhashOf(bytes) : null });
    } catch (error) {
      await discard();
      if (!(error instanceof CitizenFileError)) throw error;
      return { fieldErrors: { photos: `${file.name}：${error.message}` }, message: PHOTOS_AGAIN, values };
    }
  }

  const words = await getSetting(db, 'sensitiveWords');
  const flaggedWords = findSensitiveWords([input.description, input.address, input.reporterName ?? ''].join('\n'), words);
  const visitor = await currentVisitor();
  try {
    // Audited in the report's transaction; the phone and the name are never part of the entry.
    const saved = await createReport(db, { ...input, flaggedWords, visitorId: visitorStoredKey(visitor.id) }, stored, (tx, { id, no }) =>
      recordAudit(tx, null, { action: 'issue.report', entityType: 'issue', entityId: id, actorName: '反映人', after: { no, categoryId: input.categoryId } }),
    );
    if (!saved.ok) {
      await discard();
      return { fieldErrors: { [saved.field]: saved.message }, message: '请按提示修改标出的项目。', values };
    }
    // A new report is 待审核: private until staff accept it, so no public page changes yet.
    const state: ReportState = { ok: true, receiptNo: saved.no };
    return state;
  } catch (error) {
    await discard();
    throw error;
  }
});

export const supportAction = citizenAction(POLICIES.issueSupport, supportFields, async ({ no }, { db }) => {
  const result = await addSupport(db, no, visitorStoredKey((await currentVisitor()).id), (tx, item) =>
    recordAudit(tx, null, { action: 'issue.support', entityType: 'issue', entityId: item.id, actorName: '市民', after: { no: item.no } }),
  );
  let state: SupportState;
  if (result.outcome === 'added') {
    // Unlike a 好人榜 vote's likes, supports are few (one per browser per item, limited per address): the
    // item's page and the similar-items lists show the new count at once.
    await invalidate(TAGS.ledger);
    state = { ok: true, message: '已记录“我也遇到”，感谢反映！该问题办结时您无需重复提交。', supports: result.supports, supported: true };
  } else if (result.outcome === 'already') {
    state = { ok: false, message: '您已经点过“我也遇到”了。', supports: result.supports, supported: true };
  } else {
    state = { ok: false, message: '该问题已办结或不在公开台账中，如问题仍然存在，请提交新的问题。' };
  }
  return state;
});

export const snapStatusAction = citizenAction(POLICIES.snapStatus, snapStatusFields, async ({ no, phone }, { db }) => {
  const found = await snapStatus(db, no, phone);
  // The phone is never sent back: the form is cleared of it; the rating form carries it sealed.
  if (!found) return { message: '未找到该回执号，或电话不匹配', values: { no } };
  const state: SnapStatusState = { ok: true, values: { no }, result: await statusView(found, phone), shownAt: Date.now() };
  return state;
});

const rateForm = z.object({ token: z.string().max(600), rating: rateFields.shape.rating, comment: rateFields.shape.comment });

const EXPIRED = '查询已过期，请重新输入回执号和电话查询后再评价。';

export const rateAction = citizenAction(POLICIES.issueRate, rateForm, async ({ token, rating, comment }, { db }) => {
  const reporter = await openRatingToken(token);
  if (!reporter) return { message: EXPIRED };
  const result = await rateIssue(db, { ...reporter, rating, comment }, (tx, rated) =>
    recordAudit(tx, null, { action: rated.reopened ? 'issue.reopen' : 'issue.rate', entityType: 'issue', entityId: rated.id, actorName: '反映人', after: { no: rated.no, rating: rated.rating } }),
  );
  // The item as it is now goes back with the answer: without JavaScript the page shows it again from this.
  const found = await snapStatus(db, reporter.no, reporter.phone);
  const view = found ? await statusView(found, reporter.phone) : undefined;
  if (!result.ok) return { message: result.message, values: { rating, comment }, result: view, shownAt: Date.now() } satisfies RateState;
  await invalidate(TAGS.ledger);
  return { ok: true, rated: true, reopened: result.reopened, result: view, shownAt: Date.now() } satisfies RateState;
});
