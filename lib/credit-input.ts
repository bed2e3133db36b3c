// The 诚信红黑榜's form schemas besides the entry: the release batch's title (staff), and citizens' 异议申诉 /
// 信用修复 and status look-up. The entry form and the import share their one validation in
// lib/credit-entry.ts (validateCreditEntry), which screens the entry's free text for personal numbers as
// visibleText and noPersonalNumbers do here.
import { z } from 'zod';
import { noPersonalNumbers, normalizeTrackingNo, phoneSchema, visibleText } from './citizen-input';
import { OBJECTION_KINDS } from './enums';

const ENTRY_MISSING = '请先选择要申请的公示信息';

/**
 * An application about a public entry. The explanation is never public, but staff may copy from it into
 * an entry, so it is screened for personal numbers like every free-text field.
 */
export const objectionFields = z.object({
  entryId: z.coerce.number({ error: ENTRY_MISSING }).int(ENTRY_MISSING).positive(ENTRY_MISSING).max(Number.MAX_SAFE_INTEGER, ENTRY_MISSING),
  kind: z.enum(OBJECTION_KINDS, { error: '请选择申请类型：异议申诉或信用修复' }),
  applicantName: visibleText('申请人姓名', 2, 50),
  applicantPhone: phoneSchema,
  explanation: visibleText('申请说明', 20, 2000),
  consent: z.literal('on', { error: '请阅读并勾选承诺后再提交' }),
});

/** The applicant's look-up: tracking number and the phone given with the application. */
export const objectionStatusFields = z.object({
  trackingNo: z
    .string()
    .transform(normalizeTrackingNo)
    .refine((v) => v.length > 0, '请填写受理编号')
    .refine((v) => v.length <= 40, '受理编号过长，请核对，例如 YS20261122-7KQ4M9')
    .refine((v) => v.length === 0 || /^[0-9A-Z-]+$/.test(v), '受理编号只含字母、数字和连字符，请核对，例如 YS20261122-7KQ4M9'),
  phone: phoneSchema,
});

/** A release batch's title (public on the batch pages), e.g. “2026年第5期”. */
export const creditBatchTitle = z
  .string()
  .trim()
  .min(1, '请填写批次名称，如“2026年第5期”')
  .max(40, '批次名称不超过40个字')
  .refine((t) => !/\p{Cc}/u.test(t), '批次名称不能包含控制字符')
  .superRefine(noPersonalNumbers());
