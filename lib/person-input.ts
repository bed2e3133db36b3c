// The 好人榜's form schemas, staff's and citizens': the person form of the editors' area, and the
// comment and recommendation forms of citizens. Field rules with Chinese messages that say how to fix
// the input; every free-text field is built with visibleText, so it is screened for personal numbers.
import { z } from 'zod';
import { normalizeTrackingNo, phoneSchema, visibleText } from './citizen-input';
import { cityDay } from './dates';
import { GOOD_PERSON_CATEGORIES, GOOD_PERSON_LEVELS } from './enums';

export const PERSON_FORM_KEYS = ['name', 'photo', 'gender', 'birthYear', 'region', 'unit', 'category', 'level', 'batchId', 'term', 'deed', 'story', 'honors'] as const;
export type PersonFormValues = Record<(typeof PERSON_FORM_KEYS)[number], string>;

const optionalInt = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max), `${label}须为${min}-${max}之间的整数，或留空`)
    .transform((v) => (v === '' ? null : Number(v)));

export const personFields = z
  .object({
    name: visibleText('姓名', 2, 30),
    photo: z
      .string()
      .trim()
      .refine((v) => v === '' || /^[0-9a-f]{32}$/.test(v), '图片无效，请从媒体库重新选择'),
    gender: z.enum(['', '男', '女'], { error: '请选择性别' }).transform((v) => (v === '' ? null : v)),
    birthYear: z
      .string()
      .trim()
      .refine((v) => {
        const year = Number(v);
        return v === '' || (/^\d{4}$/.test(v) && year >= 1900 && year <= Number(cityDay().slice(0, 4)));
      }, `出生年份须为1900年至今年之间的四位数字，或留空`)
      .transform((v) => (v === '' ? null : Number(v))),
    region: visibleText('所在地区', 2, 60),
    unit: visibleText('工作单位', 0, 60),
    category: z.enum(GOOD_PERSON_CATEGORIES, { error: '请选择类别' }),
    level: z.enum(GOOD_PERSON_LEVELS, { error: '请选择级别' }),
    // '' = not in a batch; a stale or odd value is checked against the database by the action.
    batchId: z
      .string()
      .trim()
      .transform((v) => (/^\d{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : null)),
    term: optionalInt('届次', 1, 99),
    deed: visibleText('一句话事迹', 30, 200),
    story: visibleText('事迹全文', 0, 5000),
    honors: visibleText('所获荣誉', 0, 500),
  })
  .superRefine((value, ctx) => {
    if (value.level === '道德模范' && value.term === null) ctx.addIssue({ code: 'custom', path: ['term'], message: '道德模范须填写届次（1-99），例如第五届填 5' });
    if (value.level === '道德模范' && value.batchId !== null) ctx.addIssue({ code: 'custom', path: ['batchId'], message: '道德模范按届评选，不属于月度榜单，请将所属榜单选为“不属于榜单”' });
  });

export type PersonInput = z.infer<typeof personFields>;

// ------------------------------------------------------------------------------------------ citizens

/** A record's id from a hidden field; a tampered value gets a message, not a stack trace. */
export const recordId = (label: string) => {
  const error = `${label}无效，请刷新页面后重试`;
  return z.coerce.number({ error }).int({ error }).positive({ error }).max(2_147_483_647, { error });
};

/** 评论 on a 好人's page; shown after moderation. */
export const commentFields = z.object({
  personId: recordId('人物'),
  nickname: visibleText('昵称', 0, 20).transform((v) => v || '网友'),
  body: visibleText('评论内容', 5, 500),
});

/** 推荐好人: the nominee's details (made public if accepted) and the recommender's (never public). */
export const recommendFields = z.object({
  nomineeName: visibleText('被推荐人姓名', 2, 20),
  region: visibleText('所在地区/单位', 2, 50),
  category: z.enum(GOOD_PERSON_CATEGORIES, { error: '请选择类别' }),
  deed: visibleText('一句话事迹', 30, 200),
  story: visibleText('详细事迹', 0, 3000),
  recommenderName: visibleText('推荐人姓名', 2, 20),
  recommenderPhone: phoneSchema,
  consent: z.literal('on', { error: '请确认所填信息真实后勾选承诺' }),
});

/** The recommender's look-up of a receipt: receipt number and the phone given with it. */
export const recommendationStatusFields = z.object({
  receiptNo: z
    .string()
    .transform(normalizeTrackingNo)
    .refine((v) => v.length > 0, '请填写回执号')
    .refine((v) => v.length === 0 || /^TJ\d{8}-[0-9A-Z]{6}$/.test(v), '回执号格式为 TJ+8位日期-6位字母数字，如 TJ20261123-7KQ4M9'),
  phone: phoneSchema,
});
