'use server';

// Citizens' 异议申诉 / 信用修复 applications and the status look-up. No sign-in: rate-limited per address.
import { findPublicCreditEntry } from '@/db/queries/credit';
import { findObjectionProgress, insertObjection, type ObjectionAttachment, type ObjectionProgress } from '@/db/queries/credit-objections';
import { getSetting } from '@/db/queries/settings';
import { citizenAction, type ActionState } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { makeTrackingNo } from '@/lib/citizen-input';
import { objectionFields, objectionStatusFields } from '@/lib/credit-input';
import { cityDay } from '@/lib/dates';
import { CitizenFileError, filesOf, removeCitizenFile, storeCitizenFile } from '@/server/private-files';
import { POLICIES } from '@/server/rate-limit';
import { findSensitiveWords } from '@/lib/sensitive-words';

export type ObjectionState = ActionState & { trackingNo?: string };
export type StatusState = ActionState & { progress?: ObjectionProgress };

const MAX_FILES = 5;
const FIX = '请按提示修改标出的项目。';
const ENTRY_GONE = '该信息已不在公示期内或已移出公示，无法对其提交申请。如有疑问，请联系认定部门。';

const submit = citizenAction(POLICIES.objection, objectionFields, async (input, { db }, formData): Promise<ObjectionState> => {
  const values = { entryId: String(input.entryId), kind: input.kind, applicantName: input.applicantName, applicantPhone: input.applicantPhone, explanation: input.explanation, consent: 'on' };
  const entry = await findPublicCreditEntry(db, input.entryId);
  if (!entry) return { fieldErrors: { entryId: ENTRY_GONE }, message: FIX, values };

  const chosen = filesOf(formData, 'attachments', MAX_FILES);
  if ('error' in chosen) return { fieldErrors: { attachments: `${chosen.error}，请减少文件后重新选择` }, message: FIX, values };
  // Every file is checked before anything is saved; one bad file refuses the whole submission.
  const stored: ObjectionAttachment[] = [];
  const discard = () => Promise.all(stored.map((f) => removeCitizenFile(f.storageKey, f.format)));
  for (const file of chosen.files) {
    try {
      stored.push({ ...(await storeCitizenFile(new Uint8Array(await file.arrayBuffer()), { allowPdf: true })), originalName: file.name });
    } catch (error) {
      await discard();
      if (error instanceof CitizenFileError) return { fieldErrors: { attachments: `文件“${file.name}”无法接收：${error.message}。请重新选择附件。` }, message: FIX, values };
      throw error;
    }
  }

  const words = await getSetting(db, 'sensitiveWords');
  let saved;
  try {
    saved = await insertObjection(
      db,
      {
        kind: input.kind,
        entryId: entry.id,
        applicantName: input.applicantName,
        applicantPhone: input.applicantPhone,
        explanation: input.explanation,
        flaggedWords: findSensitiveWords(`${input.applicantName}\n${input.explanation}`, words),
      },
      stored,
      () => makeTrackingNo('YS', cityDay()),
    );
  } catch (error) {
    await discard();
    throw error;
  }
  // The phone is never part of the audit entry.
  await recordAudit(db, null, {
    action: 'credit_objection.submit',
    entityType: 'credit_objection',
    entityId: saved.id,
    actorName: '申请人',
    after: { trackingNo: saved.trackingNo, entryId: entry.id, kind: input.kind },
  });
  return { ok: true, trackingNo: saved.trackingNo };
});

export async function submitObjection(previous: ObjectionState, formData: FormData): Promise<ObjectionState> {
  return submit(previous, formData);
}

const NOT_FOUND = '未查到与该受理编号和联系电话对应的申请。请核对受理编号和提交申请时填写的联系电话后重新查询。';

const lookup = citizenAction(POLICIES.statusLookup, objectionStatusFields, async (input, { db }): Promise<StatusState> => {
  const progress = await findObjectionProgress(db, input.trackingNo, input.phone);
  return progress ? { ok: true, progress } : { message: NOT_FOUND, values: { trackingNo: input.trackingNo, phone: input.phone } };
});

export async function lookupObjectionStatus(previous: StatusState, formData: FormData): Promise<StatusState> {
  // citizenAction passes the handler's answer through unchanged, so the progress rides along.
  return lookup(previous, formData) as Promise<StatusState>;
}
