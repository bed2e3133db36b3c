// The person form of the editors' 好人榜: field rules with Chinese messages that say how to fix the input.
import { z } from 'zod';
import { goodPersonCategory, goodPersonLevel } from '@/db/schema';
import { visibleText } from '@/lib/citizen-input';
import { cityDay } from '@/lib/dates';

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
    category: z.enum(goodPersonCategory.enumValues, { error: '请选择类别' }),
    level: z.enum(goodPersonLevel.enumValues, { error: '请选择级别' }),
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
