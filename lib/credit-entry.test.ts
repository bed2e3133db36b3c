import { describe, expect, it } from 'vitest';
import { creditDedupeKey, decisionDateEndingOn, MINOR_MESSAGE, normalizeDay, publicationEndRuleError, validateCreditEntry, type CategoryInfo, type CreditEntryDraft } from './credit-entry';

const TODAY = '2026-06-15';
const CATEGORIES: CategoryInfo[] = [
  { id: 1, list: 'red', name: '诚信经营企业', periodMonths: 24 },
  { id: 6, list: 'black', name: '失信被执行人', periodMonths: 24 },
  { id: 8, list: 'black', name: '食品药品安全', periodMonths: 12 },
];

function company(overrides: Partial<CreditEntryDraft> = {}): CreditEntryDraft {
  return {
    list: 'black',
    categoryId: 8,
    subjectKind: '法人企业',
    name: '江城市示例食品有限公司',
    creditCode: '91420100MA4K00001U',
    legalRep: '王五',
    idNumber: '',
    reason: '销售过期食品，经查证属实，依法作出行政处罚。',
    amount: '12,500.5',
    authority: '江城市市场监督管理局',
    basisDoc: '江市监罚〔2026〕12号',
    decisionDate: '2026-05-10',
    listedDate: '2026-06-01',
    publicationEnd: '',
    publicationEndReason: '',
    ...overrides,
  };
}

function person(overrides: Partial<CreditEntryDraft> = {}): CreditEntryDraft {
  return company({ list: 'black', categoryId: 6, subjectKind: '自然人', name: '张三', creditCode: '', legalRep: '', idNumber: '42010219800101001x', ...overrides });
}

function errorsOf(draft: CreditEntryDraft, previous?: { decisionDate: string; publicationEnd: string; categoryId: number }) {
  const checked = validateCreditEntry(draft, CATEGORIES, TODAY, previous);
  if (checked.ok) throw new Error('expected errors');
  return checked.errors;
}

describe('validateCreditEntry', () => {
  it('accepts a company, computes the publication end and normalises values', () => {
    const checked = validateCreditEntry(company({ creditCode: '9142 0100 ma4k 00001u', decisionDate: '2026/5/10' }), CATEGORIES, TODAY);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.entry).toMatchObject({
      creditCode: '91420100MA4K00001U',
      idNumber: null,
      idNumberMasked: null,
      amount: '12500.50',
      decisionDate: '2026-05-10',
      publicationEnd: '2027-05-09',
      publicationEndReason: null,
    });
    expect(checked.entry.dedupeKey).toBe(
      creditDedupeKey({ list: 'black', categoryId: 8, creditCode: '91420100MA4K00001U', idNumber: null, name: '江城市示例食品有限公司', decisionDate: '2026-05-10', basisDoc: '江市监罚〔2026〕12号' }),
    );
  });

  it('accepts a natural person, keeps the full ID for staff and a masked copy', () => {
    const checked = validateCreditEntry(person(), CATEGORIES, TODAY);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.entry.idNumber).toBe('42010219800101001X');
    expect(checked.entry.idNumberMasked).toBe('420102********001X');
    expect(checked.entry.creditCode).toBeNull();
    expect(checked.entry.legalRep).toBeNull();
    expect(checked.entry.dedupeKey).not.toContain('42010219800101001X');
  });

  it('names the expected check character of a wrong credit code', () => {
    expect(errorsOf(company({ creditCode: '91420100MA4K00001A' })).creditCode).toBe('统一社会信用代码校验位不正确：按前17位计算，第18位应为“U”，而不是“A”，请核对是否抄错');
    expect(errorsOf(company({ creditCode: '91420100MA4K0001U' })).creditCode).toContain('18位');
    expect(errorsOf(company({ creditCode: '91420100IA4K00001U' })).creditCode).toContain('不含 I、O、S、V、Z');
    expect(errorsOf(company({ creditCode: '' })).creditCode).toContain('须填写统一社会信用代码');
  });

  it('checks ID numbers: check character, real and past birth date', () => {
    expect(errorsOf(person({ idNumber: '420102198001010011' })).idNumber).toContain('第18位应为“X”');
    expect(errorsOf(person({ idNumber: '420102198002300011' })).idNumber).toContain('不是有效日期');
    expect(errorsOf(person({ idNumber: '420102209901010032' })).idNumber).toBe('身份证号码中的出生日期（2099-01-01）晚于今天，请核对');
    expect(errorsOf(person({ idNumber: '' })).idNumber).toContain('须填写18位身份证号码');
  });

  it('refuses entries about minors, by age on the decision date', () => {
    expect(errorsOf(person({ idNumber: '420102201506010028' })).idNumber).toBe(MINOR_MESSAGE);
    // Born 2008-01-01: 17 on 2025-12-31, 18 on 2026-01-01.
    expect(errorsOf(person({ idNumber: '420102200801010018', decisionDate: '2025-12-31' })).idNumber).toBe(MINOR_MESSAGE);
    expect(validateCreditEntry(person({ idNumber: '420102200801010018', decisionDate: '2026-01-01' }), CATEGORIES, TODAY).ok).toBe(true);
  });

  it('keeps list, category and subject kind consistent', () => {
    expect(errorsOf(company({ list: 'red' })).categoryId).toBe('类别“食品药品安全”属于黑榜，不能列入红榜，请核对名单或类别');
    expect(errorsOf(company({ categoryId: 99 })).categoryId).toBe('请选择类别');
    expect(errorsOf(company({ subjectKind: '公司' })).subjectKind).toContain('法人企业');
    expect(errorsOf(company({ list: '' })).list).toBeDefined();
    expect(errorsOf(company({ idNumber: '42010219800101001X' })).idNumber).toContain('只有自然人');
    expect(errorsOf(person({ creditCode: '91420100MA4K00001U' })).creditCode).toContain('自然人没有统一社会信用代码');
  });

  it('checks required texts, lengths and the amount', () => {
    const errors = errorsOf(company({ name: ' ', reason: '太短了', authority: '', amount: '-5' }));
    expect(errors.name).toBe('请填写名称');
    expect(errors.reason).toBe('列入事由至少10个字，目前3个字');
    expect(errors.authority).toBe('请填写认定部门');
    expect(errors.amount).toContain('不小于0');
    expect(errorsOf(company({ amount: '12.345' })).amount).toContain('两位小数');
    expect(errorsOf(company({ reason: '事'.repeat(1001) })).reason).toContain('最多1000个字');
    const noAmount = validateCreditEntry(company({ amount: '' }), CATEGORIES, TODAY);
    expect(noAmount.ok && noAmount.entry.amount).toBeNull();
  });

  it('keeps dates real and in order', () => {
    expect(errorsOf(company({ decisionDate: '2026-02-30' })).decisionDate).toContain('不是有效日期');
    expect(errorsOf(company({ decisionDate: '2026-06-16' })).decisionDate).toBe('决定日期不能晚于今天');
    expect(errorsOf(company({ listedDate: '2026-05-01' })).listedDate).toBe('列入日期不能早于决定日期（2026-05-10）');
    expect(errorsOf(company({ listedDate: '2027-06-01' })).listedDate).toContain('请核对年份');
    // A listed date at or after the computed end would never be shown.
    expect(errorsOf(company({ decisionDate: '2025-01-10', listedDate: '2026-01-09' })).publicationEnd).toContain('须晚于列入日期');
  });

  it('allows a publication end override only with a reason and within the rules', () => {
    expect(errorsOf(company({ publicationEnd: '2027-12-31' })).publicationEndReason).toContain('须填写调整原因');
    const ok = validateCreditEntry(company({ publicationEnd: '2027-12-31', publicationEndReason: '依据处罚决定书载明的期限' }), CATEGORIES, TODAY);
    expect(ok.ok && ok.entry).toMatchObject({ publicationEnd: '2027-12-31', publicationEndReason: '依据处罚决定书载明的期限' });
    // Food and drugs: at least 12 months; every category: at most 36.
    expect(errorsOf(company({ publicationEnd: '2026-12-31', publicationEndReason: '缩短' })).publicationEnd).toContain('食品药品、安全生产类公示期不少于12个月');
    expect(errorsOf(company({ publicationEnd: '2029-05-10', publicationEndReason: '延长' })).publicationEnd).toContain('3-36');
    expect(validateCreditEntry(company({ publicationEnd: '2029-05-09', publicationEndReason: '最长期限' }), CATEGORIES, TODAY).ok).toBe(true);
    // The computed date typed in is not an override.
    const same = validateCreditEntry(company({ publicationEnd: '2027-05-09', publicationEndReason: '无' }), CATEGORIES, TODAY);
    expect(same.ok && same.entry.publicationEndReason).toBeNull();
  });

  it('keeps a stored publication end on edit while the decision date and category are unchanged', () => {
    const previous = { decisionDate: '2026-05-10', publicationEnd: '2028-05-09', categoryId: company().categoryId! };
    expect(validateCreditEntry(company({ publicationEnd: '2028-05-09' }), CATEGORIES, TODAY, previous).ok).toBe(true);
    expect(errorsOf(company({ publicationEnd: '2028-05-09', decisionDate: '2026-05-11' }), previous).publicationEndReason).toBeDefined();
    // Moved to another category: its period rules apply again.
    expect(errorsOf(company({ publicationEnd: '2028-05-09' }), { ...previous, categoryId: previous.categoryId + 1 }).publicationEndReason).toBeDefined();
  });
});

describe('date helpers', () => {
  it('normalises typed dates', () => {
    expect(normalizeDay('2026/3/5')).toBe('2026-03-05');
    expect(normalizeDay('2026年3月5日')).toBe('2026-03-05');
    expect(normalizeDay('2026.03.05')).toBe('2026-03-05');
    expect(normalizeDay('2026-13-01')).toBeNull();
    expect(normalizeDay('05/03/2026')).toBeNull();
  });

  it('finds the decision date for a wanted end and checks override ranges', () => {
    expect(decisionDateEndingOn('2026-06-14', 12)).toBe('2025-06-15');
    expect(publicationEndRuleError('诚信经营企业', '2026-01-01', '2026-02-28')).toContain('3-36');
    expect(publicationEndRuleError('诚信经营企业', '2026-01-01', '2026-03-31')).toBeNull();
  });
});
