// The personal-number screen in every domain's input schema: citizens' forms refuse, staff forms refuse
// with `params.pii` set (so that guardedAction can offer masking), the credit entry's own validation and
// the import report the field and the row.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { articleFields, channelFields } from './article-input';
import { noPersonalNumbers, personalNumbersIssue, visibleText } from './citizen-input';
import { CREDIT_TEXT_FIELDS, maskCreditDraft, validateCreditEntry, type CategoryInfo, type CreditEntryDraft } from './credit-entry';
import { checkImportRows, IMPORT_COLUMNS } from './credit-import';
import { creditBatchTitle, objectionFields } from './credit-input';
import { commentFields, personFields, recommendFields } from './person-input';
import { findPii } from './pii-detect';

const PHONE = '13812345678';
const ID = '420102197803151311';
const CARD = '6222021234567890128';
const MESSAGE = /^请勿填写身份证号、手机号或银行卡号等个人信息（第\d+个字附近）$/;

function issuesOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message, pii: personalNumbersIssue(issue) }));
}

const deed = (extra = '') => `多年来坚持每周到社区照料独居老人，风雨无阻，邻里交口称赞，是大家身边的好榜样${extra}。`;

describe('visibleText and noPersonalNumbers', () => {
  it('refuses each kind with the position, and marks the issue as the screen', () => {
    const field = visibleText('事迹', 0, 200);
    for (const number of [PHONE, '138 1234 5678', '１３８１２３４５６７８', ID, CARD, '6222 0212 3456 7890 128']) {
      const issues = issuesOf(field, `联系${number}`);
      expect(issues, number).toEqual([{ field: '', message: '请勿填写身份证号、手机号或银行卡号等个人信息（第3个字附近）', pii: 'text' }]);
    }
    // The number itself starts after the country code.
    expect(issuesOf(field, '联系+86 138-1234-5678')[0]?.message).toContain('第7个字附近');
  });

  it('accepts ordinary text with numbers in it', () => {
    const field = visibleText('地址', 0, 200);
    for (const text of ['幸福路88号，办公电话027-88886666', '依据江市监罚〔2026〕12号，2026年12月4日决定', '罚款35,000,000元', '统一社会信用代码91350100M000100Y43']) {
      expect(field.safeParse(text).success, text).toBe(true);
    }
  });

  it('is not run over a text refused for its length (a huge paste stays cheap)', () => {
    const issues = issuesOf(visibleText('评论', 0, 10), `${PHONE}${'字'.repeat(50)}`);
    expect(issues.map((i) => i.pii)).toEqual([null]);
  });

  it('screens HTML by its text', () => {
    const parsed = (value: string) => issuesOf(visibleText('x', 0, 1000).superRefine(noPersonalNumbers('html')), value);
    expect(parsed('<p>电话<b>138</b>12345678</p>').find((i) => i.pii === 'html')).toBeTruthy();
  });
});

describe('citizens’ schemas', () => {
  it('refuse a comment, a recommendation or an objection with a number in its text', () => {
    expect(issuesOf(commentFields, { personId: '1', nickname: '', body: `好人好事，请联系我${PHONE}` })).toEqual([{ field: 'body', message: expect.stringMatching(MESSAGE), pii: 'text' }]);
    expect(issuesOf(commentFields, { personId: '1', nickname: PHONE, body: '好人好事值得学习' }).map((i) => i.field)).toEqual(['nickname']);
    const recommendation = { nomineeName: '林晓燕', region: '江南区', category: '助人为乐', deed: deed(), story: '', recommenderName: '王先生', recommenderPhone: PHONE, consent: 'on' };
    expect(recommendFields.safeParse(recommendation).success).toBe(true); // the recommender's own phone goes in its own field
    expect(issuesOf(recommendFields, { ...recommendation, deed: deed(`，身份证${ID}`) }).map((i) => i.field)).toEqual(['deed']);
    expect(issuesOf(recommendFields, { ...recommendation, story: `工资卡${CARD}` }).map((i) => i.field)).toEqual(['story']);
    expect(issuesOf(recommendFields, { ...recommendation, region: `江南区 ${PHONE}` }).map((i) => i.field)).toEqual(['region']);
    const objection = { entryId: '3', kind: 'repair', applicantName: '申请人甲', applicantPhone: PHONE, explanation: `本人已全部履行义务，特申请信用修复，联系人${PHONE}`, consent: 'on' };
    expect(issuesOf(objectionFields, objection).map((i) => i.field)).toEqual(['explanation']);
  });
});

describe('staff schemas', () => {
  const person = { name: '林晓燕', photo: '', gender: '', birthYear: '', region: '江南区', unit: '', category: '助人为乐', level: '身边好人', batchId: '', term: '', deed: deed(), story: '', honors: '' };
  it('the person form marks each free-text field', () => {
    expect(personFields.safeParse(person).success).toBe(true);
    for (const field of ['name', 'region', 'unit', 'deed', 'story', 'honors'] as const) {
      const value = field === 'deed' ? deed(PHONE) : field === 'name' ? `林${PHONE}` : `${person[field]}${PHONE}`;
      expect(issuesOf(personFields, { ...person, [field]: value }), field).toEqual([{ field, message: expect.stringMatching(MESSAGE), pii: 'text' }]);
    }
  });

  it('the article form screens text fields, tags and slug, and the body as HTML', () => {
    const article = { title: '文明城市创建工作推进会召开', subtitle: '', channelId: '1', summary: '', body: '<p>会议要求持续推进。</p>', coverImage: '', source: '', author: '', editorName: '', tags: '创城', slug: '', pinned: '' };
    expect(articleFields.safeParse(article).success).toBe(true);
    const cases: [string, string, 'text' | 'html'][] = [
      ['title', `寻人启事：请联系${PHONE}`, 'text'],
      ['subtitle', `联系${PHONE}`, 'text'],
      ['summary', `身份证${ID}`, 'text'],
      ['body', `<p>捐款账户<strong>6222</strong> 0212 3456 7890 128</p>`, 'html'],
      ['body', `<p><img src="/media/x/640.webp" alt="${PHONE}"></p>`, 'html'],
      ['source', `通讯员${PHONE}`, 'text'],
      ['author', `记者${PHONE}`, 'text'],
      ['editorName', `编辑${PHONE}`, 'text'],
      ['tags', `创城，${PHONE}`, 'text'],
      ['slug', `call-${PHONE}`, 'text'],
    ];
    for (const [field, value, format] of cases) {
      expect(issuesOf(articleFields, { ...article, [field]: value }).filter((i) => i.pii), `${field}: ${value}`).toEqual([{ field, message: expect.stringMatching(MESSAGE), pii: format }]);
    }
  });

  it('batch titles and channel names, which pages and feeds show, are screened too', () => {
    expect(creditBatchTitle.safeParse('2026年第5期').success).toBe(true);
    expect(issuesOf(creditBatchTitle, `2026年第5期${PHONE}`)).toEqual([{ field: '', message: expect.stringMatching(MESSAGE), pii: 'text' }]);
    expect(channelFields.safeParse({ name: '志愿服务', slug: 'volunteer' }).success).toBe(true);
    expect(issuesOf(channelFields, { name: `热${PHONE}`, slug: 'hotline' }).map((i) => i.field)).toEqual(['name']);
  });
});

const CATEGORIES: CategoryInfo[] = [{ id: 1, list: 'black', name: '拖欠农民工工资', periodMonths: 12 }];
const TODAY = '2026-11-20';
const entry = (over: Partial<CreditEntryDraft> = {}): CreditEntryDraft => ({
  list: 'black',
  categoryId: 1,
  subjectKind: '法人企业',
  name: '江城市某建筑劳务有限公司',
  creditCode: '91350100M000100Y43',
  legalRep: '张某',
  idNumber: '',
  reason: '拖欠农民工工资，经责令限期支付仍未支付。',
  amount: '35000',
  authority: '江城市人力资源和社会保障局',
  basisDoc: '江人社监〔2026〕12号',
  decisionDate: '2026-05-10',
  listedDate: '2026-05-20',
  publicationEnd: '',
  publicationEndReason: '',
  ...over,
});

describe('credit entries', () => {
  it('refuse personal numbers in every free-text field and name the fields', () => {
    expect(validateCreditEntry(entry(), CATEGORIES, TODAY).ok).toBe(true);
    for (const field of CREDIT_TEXT_FIELDS.filter((f) => f !== 'publicationEndReason')) {
      const checked = validateCreditEntry(entry({ [field]: `${entry()[field]}${PHONE}` }), CATEGORIES, TODAY);
      expect(checked.ok, field).toBe(false);
      if (checked.ok) continue;
      expect(checked.errors[field], field).toMatch(MESSAGE);
      expect(checked.piiFields).toEqual([field]);
    }
  });

  it('accept a natural person’s own ID number in its field, but not a third party’s in the reason', () => {
    const person = entry({ subjectKind: '自然人', name: '欧阳建国', creditCode: '', legalRep: '', idNumber: ID });
    expect(validateCreditEntry(person, CATEGORIES, TODAY).ok).toBe(true);
    const checked = validateCreditEntry({ ...person, reason: `与第三人（身份证号110105194912310026，电话 138-1234-5678）共同拖欠工资。` }, CATEGORIES, TODAY);
    expect(checked.ok ? [] : checked.piiFields).toEqual(['reason']);
  });

  it('are saved masked on request', () => {
    const draft = entry({ reason: `拖欠工资，联系人电话${PHONE}，收款卡号${CARD}。`, legalRep: `张某${PHONE}` });
    const masked = maskCreditDraft(draft);
    expect(masked.reason).toBe(`拖欠工资，联系人电话138****5678，收款卡号${'*'.repeat(15)}0128。`);
    expect(masked.creditCode).toBe(draft.creditCode);
    const checked = validateCreditEntry(masked, CATEGORIES, TODAY);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(findPii(JSON.stringify(checked.entry))).toEqual([]);
  });

  it('are reported by the import with their row numbers', () => {
    const header = IMPORT_COLUMNS.map((c) => c.header);
    const row = (reason: string) => IMPORT_COLUMNS.map((c) => (c.field === 'category' ? '拖欠农民工工资' : c.field === 'list' ? '黑榜' : c.field === 'reason' ? reason : String(entry()[c.field as keyof CreditEntryDraft] ?? '')));
    const report = checkImportRows(
      [
        { row: 1, cells: header },
        { row: 2, cells: row('拖欠农民工工资，经责令限期支付仍未支付。') },
        { row: 3, cells: row(`拖欠工资，联系人${PHONE}，经责令仍未支付。`) },
      ],
      CATEGORIES,
      TODAY,
    );
    expect(report.valid.map((v) => v.row)).toEqual([2]);
    expect(report.problems).toEqual([{ row: 3, name: entry().name, messages: [expect.stringMatching(/^列入事由：请勿填写身份证号、手机号或银行卡号等个人信息（第\d+个字附近）$/)] }]);
  });
});
