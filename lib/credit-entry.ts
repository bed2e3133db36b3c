// Credit-list entries: the identity of a fact (dedupe key) and the one validation that the editors'
// form, the bulk import and a passed objection all go through. Pure: categories and today are passed in.
import { createHash } from 'node:crypto';
import { checkCreditCode, CREDIT_CODE_MESSAGES, creditCodeCheckChar, normalizeCreditCode } from './credit-code';
import { cleanText, visibleLength } from './citizen-input';
import { addDays, addMonths } from './dates';
import { ageOn, checkIdNumber, ID_NUMBER_MESSAGES, idNumberBirthDate, idNumberCheckChar } from './id-number';
import { maskIdNumber } from './mask';
import { maskPiiInText, personalNumbersMessage } from './pii-detect';
import { periodRuleError, publicationEndDate } from './periods';
import { CREDIT_LIST_SHORT_LABELS, CREDIT_LISTS, SUBJECT_KINDS, type CreditList, type SubjectKind } from './enums';

export type CreditIdentity = {
  list: string;
  categoryId: number;
  creditCode: string | null;
  idNumber: string | null;
  name: string;
  decisionDate: string;
  basisDoc: string;
};

/**
 * The same subject, listed for the same decision (date and basis document) in the same category, is
 * one entry: re-importing a file or re-typing an entry finds the existing row instead of adding a copy.
 * The subject is its credit code, else its ID number, else its name. Hashed, so the key never carries
 * a readable ID number.
 */
export function creditDedupeKey(e: CreditIdentity): string {
  const subject = e.creditCode?.trim().toUpperCase() || e.idNumber?.trim().toUpperCase() || e.name.trim();
  const parts = [e.list, String(e.categoryId), subject, e.decisionDate, e.basisDoc.trim()];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

// ------------------------------------------------------------------------------------------ validation

export type CreditListCode = CreditList;
export type SubjectKindCode = SubjectKind;

export type CategoryInfo = { id: number; list: CreditListCode; name: string; periodMonths: number };

/** What a form or an import row says, as text; empty strings for blanks. */
export type CreditEntryDraft = {
  list: string;
  categoryId: number | null;
  subjectKind: string;
  name: string;
  creditCode: string;
  legalRep: string;
  idNumber: string;
  reason: string;
  amount: string;
  authority: string;
  basisDoc: string;
  decisionDate: string;
  listedDate: string;
  /** Empty: computed from the category's period. */
  publicationEnd: string;
  publicationEndReason: string;
};

export type CreditEntryField = keyof CreditEntryDraft;

/** Chinese names of entry fields: import column headers, row-report reasons and the entry history. */
export const CREDIT_FIELD_LABELS = {
  list: '名单',
  categoryId: '类别',
  subjectKind: '主体类型',
  name: '名称',
  creditCode: '统一社会信用代码',
  legalRep: '法定代表人',
  idNumber: '身份证号',
  idNumberMasked: '身份证号（脱敏）',
  reason: '列入事由',
  amount: '涉及金额',
  authority: '认定部门',
  basisDoc: '认定依据文号',
  decisionDate: '决定日期',
  listedDate: '列入日期',
  publicationEnd: '公示截止日期',
  publicationEndReason: '调整原因',
  status: '状态',
  statusReason: '状态原因',
  statusChangedAt: '状态变更时间',
} as const satisfies Record<CreditEntryField, string> & Record<string, string>;

/** The values to store (the full ID number only in idNumber, which staff alone read). */
export type ValidCreditEntry = {
  list: CreditListCode;
  categoryId: number;
  subjectKind: SubjectKindCode;
  name: string;
  creditCode: string | null;
  legalRep: string | null;
  idNumber: string | null;
  idNumberMasked: string | null;
  reason: string;
  amount: string | null;
  authority: string;
  basisDoc: string;
  decisionDate: string;
  listedDate: string;
  publicationEnd: string;
  publicationEndReason: string | null;
  dedupeKey: string;
};

/** `piiFields`: the fields refused for holding an ID, mobile or bank card number (masking can be offered). */
export type CreditEntryCheck = { ok: true; entry: ValidCreditEntry } | { ok: false; errors: Partial<Record<CreditEntryField, string>>; piiFields: CreditEntryField[] };

/**
 * The entry's free text, public on its page (the adjustment reason is kept in its history): screened for
 * personal numbers. The ID number field is not free text: it is the subject's own, stored for staff only.
 */
export const CREDIT_TEXT_FIELDS = ['name', 'legalRep', 'reason', 'authority', 'basisDoc', 'publicationEndReason'] as const satisfies readonly CreditEntryField[];

/** The draft with personal numbers masked in its free text (staff's 自动打码后保存). */
export function maskCreditDraft<T extends CreditEntryDraft>(draft: T): T {
  const masked = { ...draft };
  for (const field of CREDIT_TEXT_FIELDS) masked[field] = maskPiiInText(draft[field]);
  return masked;
}

export const MINOR_MESSAGE = '不得公示未成年人的信息（按身份证号计算，决定日期时未满18周岁）';
/** A listed date further ahead is almost always a typo of the year. */
export const MAX_LISTED_AHEAD_DAYS = 90;
const AMOUNT = /^\d{1,14}(\.\d{1,2})?$/;

/** yyyy-mm-dd, also typed as 2026/3/5, 2026.3.5 or 2026年3月5日; null when not a real date. */
export function normalizeDay(input: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Smallest and largest whole number of months whose computed end brackets a given end date. */
function monthsSpanned(decisionDate: string, end: string): { floor: number; ceil: number } {
  let floor = 0;
  while (floor < 600 && publicationEndDate(decisionDate, floor + 1) <= end) floor++;
  const ceil = publicationEndDate(decisionDate, floor) === end ? floor : floor + 1;
  return { floor, ceil };
}

/**
 * Why an overridden publication end breaks the national rule for the category (at most 36 months; food,
 * drugs, work safety, special equipment and fire at least 12), reusing the category settings' rule.
 */
export function publicationEndRuleError(categoryName: string, decisionDate: string, end: string): string | null {
  const { floor, ceil } = monthsSpanned(decisionDate, end);
  const problem = ceil > 36 ? periodRuleError(categoryName, ceil) : periodRuleError(categoryName, floor);
  return problem ? `调整后的公示截止日期不符合规定：${problem}` : null;
}

function creditCodeError(code: string): string | null {
  const checked = checkCreditCode(code);
  if (checked.ok) return null;
  if (checked.problem !== 'check') return CREDIT_CODE_MESSAGES[checked.problem];
  const expected = creditCodeCheckChar(code.slice(0, 17));
  return `统一社会信用代码校验位不正确：按前17位计算，第18位应为“${expected}”，而不是“${code[17]}”，请核对是否抄错`;
}

function idNumberError(id: string, today: string): string | null {
  const checked = checkIdNumber(id, today);
  if (checked.ok) return null;
  if (checked.problem === 'birthDate') {
    const birth = idNumberBirthDate(id);
    if (birth && birth > today) return `身份证号码中的出生日期（${birth}）晚于今天，请核对`;
    return ID_NUMBER_MESSAGES.birthDate;
  }
  if (checked.problem === 'check') {
    return `身份证号码校验位不正确：按前17位计算，第18位应为“${idNumberCheckChar(id.slice(0, 17))}”，而不是“${id[17]}”，请核对是否抄错`;
  }
  return ID_NUMBER_MESSAGES[checked.problem];
}

// Combining marks, variation selectors, joiners and surrogate pairs: only text with these needs the
// (slow) grapheme segmenter; plain Chinese and ASCII count one per UTF-16 unit. Imports check 100,000 rows.
const COMPLEX_TEXT = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ud800-\udfff]/;

function textLength(value: string): number {
  return COMPLEX_TEXT.test(value) ? visibleLength(value) : value.length;
}

function textError(label: string, value: string, min: number, max: number): string | null {
  const n = textLength(value);
  if (min > 0 && n === 0) return `请填写${label}`;
  if (n < min) return `${label}至少${min}个字，目前${n}个字`;
  if (n > max) return `${label}最多${max}个字，目前${n}个字`;
  return null;
}

/**
 * Checks an entry as typed or imported and returns the values to store, or an error per field in words
 * that say how to fix it. `previous` is the stored entry when editing: its publication end is kept
 * without a new reason as long as the decision date and the category stay the same (the period setting
 * may have changed since it was computed).
 */
export function validateCreditEntry(
  draft: CreditEntryDraft,
  categories: readonly CategoryInfo[],
  today: string,
  previous?: { decisionDate: string; publicationEnd: string; categoryId: number } | null,
): CreditEntryCheck {
  const errors: Partial<Record<CreditEntryField, string>> = {};
  const fail = (field: CreditEntryField, message: string | null) => {
    if (message && !errors[field]) errors[field] = message;
  };
  const piiFields: CreditEntryField[] = [];
  /** The length rule of a free-text field, then the personal-number screen. */
  const text = (field: (typeof CREDIT_TEXT_FIELDS)[number], label: string, value: string, min: number, max: number) => {
    fail(field, textError(label, value, min, max));
    const pii = errors[field] ? null : personalNumbersMessage(value);
    if (pii) {
      piiFields.push(field);
      fail(field, pii);
    }
  };

  const list = CREDIT_LISTS.find((l) => l === draft.list);
  if (!list) fail('list', '请选择名单：红榜或黑榜');
  const category = draft.categoryId === null ? undefined : categories.find((c) => c.id === draft.categoryId);
  if (!category) fail('categoryId', '请选择类别');
  else if (list && category.list !== list) {
    fail('categoryId', `类别“${category.name}”属于${CREDIT_LIST_SHORT_LABELS[category.list]}，不能列入${CREDIT_LIST_SHORT_LABELS[list]}，请核对名单或类别`);
  }
  const kind = SUBJECT_KINDS.find((k) => k === draft.subjectKind);
  if (!kind) fail('subjectKind', `主体类型应为：${SUBJECT_KINDS.join('、')}`);
  const person = kind === '自然人';

  const name = cleanText(draft.name);
  text('name', '名称', name, 1, 100);

  const code = normalizeCreditCode(draft.creditCode);
  const idNumber = draft.idNumber.replace(/\s/g, '').toUpperCase();
  const legalRep = cleanText(draft.legalRep);
  const decisionDate = draft.decisionDate.trim() ? normalizeDay(draft.decisionDate) : null;

  if (kind && !person) {
    if (!code) fail('creditCode', '单位主体须填写统一社会信用代码（18位）');
    else fail('creditCode', creditCodeError(code));
    if (idNumber) fail('idNumber', '只有自然人填写身份证号码；单位主体请清空此项（不保存法定代表人的身份证号）');
    text('legalRep', '法定代表人', legalRep, 0, 50);
  }
  if (person) {
    if (!idNumber) fail('idNumber', '自然人须填写18位身份证号码');
    else {
      fail('idNumber', idNumberError(idNumber, today));
      const birth = idNumberBirthDate(idNumber);
      if (!errors.idNumber && birth && decisionDate && ageOn(birth, decisionDate) < 18) fail('idNumber', MINOR_MESSAGE);
    }
    if (code) fail('creditCode', '自然人没有统一社会信用代码，请清空此项');
    if (legalRep) fail('legalRep', '自然人不填写法定代表人，请清空此项');
  }

  const reason = cleanText(draft.reason);
  text('reason', '列入事由', reason, 10, 1000);
  const authority = cleanText(draft.authority);
  text('authority', '认定部门', authority, 1, 100);
  const basisDoc = cleanText(draft.basisDoc);
  text('basisDoc', '认定依据文号', basisDoc, 0, 100);

  const amountText = draft.amount.replace(/[,，\s]/g, '').replace(/元$/, '');
  if (amountText && !AMOUNT.test(amountText)) fail('amount', '涉及金额应为不小于0的数字（单位：元），最多两位小数，如 12500 或 3260.50');

  if (!draft.decisionDate.trim()) fail('decisionDate', '请填写决定日期');
  else if (!decisionDate) fail('decisionDate', '决定日期不是有效日期，请按 2026-03-15 的格式填写');
  else if (decisionDate > today) fail('decisionDate', '决定日期不能晚于今天');
  const listedDate = draft.listedDate.trim() ? normalizeDay(draft.listedDate) : null;
  if (!draft.listedDate.trim()) fail('listedDate', '请填写列入日期');
  else if (!listedDate) fail('listedDate', '列入日期不是有效日期，请按 2026-03-15 的格式填写');
  else if (decisionDate && listedDate < decisionDate) fail('listedDate', `列入日期不能早于决定日期（${decisionDate}）`);
  else if (listedDate > addDays(today, MAX_LISTED_AHEAD_DAYS)) fail('listedDate', `列入日期不能晚于今天之后${MAX_LISTED_AHEAD_DAYS}天，请核对年份`);

  let publicationEnd: string | null = null;
  let endReason: string | null = cleanText(draft.publicationEndReason) || null;
  if (category && decisionDate) {
    const computed = publicationEndDate(decisionDate, category.periodMonths);
    const typed = draft.publicationEnd.trim();
    const given = typed ? normalizeDay(typed) : null;
    if (typed && !given) fail('publicationEnd', '公示截止日期不是有效日期，请按 2027-03-14 的格式填写，或留空按类别公示期限自动计算');
    else if (!given || given === computed) {
      publicationEnd = computed;
      endReason = null;
    } else if (previous && given === previous.publicationEnd && decisionDate === previous.decisionDate && category.id === previous.categoryId) {
      publicationEnd = given; // unchanged since it was saved (a new category's period rules apply afresh)
    } else {
      publicationEnd = given;
      if (!endReason) fail('publicationEndReason', `公示截止日期与按类别公示期限（${category.periodMonths}个月）计算的 ${computed} 不同，须填写调整原因`);
      fail('publicationEnd', publicationEndRuleError(category.name, decisionDate, given));
    }
    if (endReason) text('publicationEndReason', '调整原因', endReason, 1, 500);
    if (publicationEnd && listedDate && publicationEnd <= listedDate && !errors.publicationEnd) {
      fail('publicationEnd', `公示截止日期（${publicationEnd}）须晚于列入日期（${listedDate}），否则该条目不会公示`);
    }
  }

  if (Object.keys(errors).length > 0 || !list || !category || !kind || !decisionDate || !listedDate || !publicationEnd) {
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { publicationEnd: '请核对日期' }, piiFields };
  }
  const creditCode = person ? null : code;
  const storedId = person ? idNumber : null;
  return {
    ok: true,
    entry: {
      list,
      categoryId: category.id,
      subjectKind: kind,
      name,
      creditCode,
      legalRep: person ? null : legalRep || null,
      idNumber: storedId,
      idNumberMasked: storedId ? maskIdNumber(storedId) : null,
      reason,
      amount: amountText ? Number(amountText).toFixed(2) : null,
      authority,
      basisDoc,
      decisionDate,
      listedDate,
      publicationEnd,
      publicationEndReason: endReason,
      dedupeKey: creditDedupeKey({ list, categoryId: category.id, creditCode, idNumber: storedId, name, decisionDate, basisDoc }),
    },
  };
}

/** A decision date whose computed publication end is `end` (for tests and demo data). */
export function decisionDateEndingOn(end: string, periodMonths: number): string {
  return addMonths(addDays(end, 1), -periodMonths);
}
