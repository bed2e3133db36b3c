// The ledger's form schemas (随手拍, the receipt look-up and rating, staff's steps, units, categories,
// the working-day calendar). Every free-text field is built with visibleText, so the personal-number
// screen applies; messages say how to fix the input.
import { z } from 'zod';
import { normalizePhone, phoneSchema, visibleText } from './citizen-input';
import { ISSUE_SOURCES, RATINGS, UNIT_KINDS, type CalendarDayKind } from './enums';
import { isValidPosition } from './geo';
import { normalizeIssueNo, parseIssueNo } from './ledger-number';
import { ISSUE_ACTIONS } from './ledger-workflow';
import type { CalendarDay } from './work-calendar';

/** Photos a citizen may send with a report. */
export const MAX_REPORT_PHOTOS = 4;

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** A record's id from a select or hidden field; a tampered value gets a message, not a stack trace. */
export const idField = (message: string) => z.coerce.number({ error: message }).int({ error: message }).positive({ error: message }).max(2_147_483_647, { error: message });

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      if (!/^\d{1,9}$/.test(v) || Number(v) <= 0) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(v);
    });

/** An item number as typed (ZG-2026-000123, any case or full-width). */
export const issueNoField = z
  .string()
  .transform(normalizeIssueNo)
  .refine((v) => parseIssueNo(v) !== null, '请填写正确的受理编号，如 ZG-2026-000123');

/** The same field under the name the citizens' actions use. */
export const issueNoSchema = issueNoField;

const optionalIssueNo = z
  .string()
  .optional()
  .transform((v) => (v ? normalizeIssueNo(v) : ''))
  .refine((v) => v === '' || parseIssueNo(v) !== null, '请填写正确的问题编号，如 ZG-2026-000123')
  .transform((v) => v || null);

const coordinate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || Number.isFinite(v), '位置信息无效，请重新获取或留空');

const day = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `请填写正确的${label}，格式如 2026-05-20`);

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .pipe(z.union([z.literal(''), day(label)]))
    .transform((v) => v || null);

// ------------------------------------------------------------------------------------------ citizens

/** 随手拍: what, where (the phone's position is optional), who (name public only on opt-in; phone staff only). */
export const reportFields = z
  .object({
    categoryId: idField('请选择问题类别'),
    description: visibleText('问题描述', 10, 1000),
    address: visibleText('详细地点', 4, 100),
    area: visibleText('所在片区/网格', 0, 40),
    lat: coordinate,
    lng: coordinate,
    reporterName: visibleText('姓名', 0, 20),
    reporterNamePublic: checkbox,
    reporterPhone: phoneSchema,
  })
  .superRefine((value, ctx) => {
    if ((value.lat === null) !== (value.lng === null) || (value.lat !== null && value.lng !== null && !isValidPosition(value.lat, value.lng))) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '位置信息无效，请重新获取或留空' });
    }
    if (value.reporterNamePublic && !value.reporterName) ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '选择公开姓名时请填写姓名，或取消勾选' });
  });
export type ReportInput = z.infer<typeof reportFields>;

/** /snap/status: the receipt number with the phone it was sent with. */
export const snapStatusFields = z.object({
  no: issueNoField,
  phone: z
    .string()
    .transform(normalizePhone)
    .refine((v) => v.length > 0, '请填写提交时留下的手机号'),
});

/** The reporter's rating after closure. */
export const rateFields = z.object({
  no: issueNoField,
  phone: z
    .string()
    .transform(normalizePhone)
    .refine((v) => v.length > 0, '请填写提交时留下的手机号'),
  rating: z.enum(RATINGS, { error: '请选择满意、基本满意或不满意' }),
  comment: visibleText('评价内容', 0, 300),
});

/** 我也遇到 on an open item. */
export const supportFields = z.object({ no: issueNoField });

// ------------------------------------------------------------------------------------------ staff

/** One step of an item (transition()); what each step needs is checked by lib/ledger-workflow.ts. */
export const transitionFields = z.object({
  no: issueNoField,
  action: z.enum(ISSUE_ACTIONS, { error: '操作无效，请刷新页面后重试' }),
  publicNote: visibleText('公开说明', 0, 1000),
  internalNote: visibleText('内部备注', 0, 1000),
  reporterNote: visibleText('告知反映人的理由', 0, 500),
  unitId: optionalId('请选择责任单位'),
  urgent: checkbox,
  plannedDate: optionalDay('计划完成日期'),
  duplicateOfNo: optionalIssueNo,
});
export type TransitionFormInput = z.infer<typeof transitionFields>;

/** 批量交办: several accepted items to one unit. */
export const bulkAssignFields = z.object({
  nos: z
    .array(issueNoField)
    .min(1, '请至少勾选一个问题')
    .max(200, '一次最多交办200个问题'),
  unitId: idField('请选择责任单位'),
  urgent: checkbox,
  publicNote: visibleText('交办说明', 0, 500),
});

/** An item entered by staff (督查, 测评, 12345 findings). */
export const staffIssueFields = z.object({
  source: z.enum(ISSUE_SOURCES, { error: '请选择问题来源' }),
  categoryId: idField('请选择问题类别'),
  description: visibleText('问题描述', 10, 1000),
  address: visibleText('详细地点', 4, 100),
  area: visibleText('所在片区/网格', 0, 40),
  documentNo: visibleText('督查文号', 0, 60),
});

/** 片区/网格 names, one a line (or separated by 、，,). */
export function parseAreas(text: string): string[] {
  const names = text
    .split(/[\n\r、，,；;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

export const unitFields = z.object({
  name: visibleText('单位名称', 2, 60),
  kind: z.enum(UNIT_KINDS, { error: '请选择单位类型' }),
  parentId: optionalId('请选择上级单位'),
  areas: z
    .string()
    .optional()
    .transform((v) => parseAreas(v ?? ''))
    .refine((v) => v.length <= 200, '负责的片区/网格最多200个')
    .refine((v) => v.every((a) => Array.from(a).length <= 40), '每个片区/网格名称不超过40个字'),
  active: checkbox,
});

export const categoryFields = z.object({
  name: visibleText('类别名称', 2, 20),
  defaultUnitId: optionalId('请选择默认责任单位'),
  deadlineDays: z.coerce.number({ error: '整改期限须为1-90之间的整数（工作日）' }).int('整改期限须为1-90之间的整数（工作日）').min(1, '整改期限至少1个工作日').max(90, '整改期限最多90个工作日'),
  urgentHours: z.coerce.number({ error: '紧急期限须为1-240之间的整数（小时）' }).int('紧急期限须为1-240之间的整数（小时）').min(1, '紧急期限至少1小时').max(240, '紧急期限最多240小时'),
  photosPublic: checkbox,
  sortOrder: z.coerce.number({ error: '排序须为整数' }).int('排序须为整数').min(0, '排序须为0-999').max(999, '排序须为0-999').default(0),
});

const KIND_WORDS: Record<string, CalendarDayKind> = { 休: 'holiday', 放假: 'holiday', 假: 'holiday', 节假日: 'holiday', holiday: 'holiday', 班: 'workday', 上班: 'workday', 调休上班: 'workday', 补班: 'workday', workday: 'workday' };

export type CalendarLinesResult = { ok: true; days: (CalendarDay & { note: string })[] } | { ok: false; message: string };

/**
 * The working-day calendar of one year as typed in settings, one day a line: `2026-10-01 休 国庆节` or
 * `2026-10-10 班 国庆节调休`. Blank lines and lines starting with # are skipped.
 */
export function parseCalendarLines(text: string, year: number): CalendarLinesResult {
  const days: (CalendarDay & { note: string })[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.normalize('NFKC').trim();
    if (!line || line.startsWith('#')) continue;
    const [date = '', kindWord = '', ...rest] = line.split(/\s+/);
    const where = `第${i + 1}行`;
    if (!day('日期').safeParse(date).success) return { ok: false, message: `${where}：日期“${date}”无效，格式如 2026-10-01` };
    if (!date.startsWith(`${year}-`)) return { ok: false, message: `${where}：${date} 不属于${year}年` };
    const kind = KIND_WORDS[kindWord.toLowerCase()] ?? KIND_WORDS[kindWord];
    if (!kind) return { ok: false, message: `${where}：请在日期后写“休”（法定节假日）或“班”（调休上班）` };
    if (seen.has(date)) return { ok: false, message: `${where}：${date} 重复出现` };
    const note = rest.join(' ').slice(0, 40);
    days.push({ date, kind, note });
    seen.add(date);
  }
  return { ok: true, days: days.sort((a, b) => a.date.localeCompare(b.date)) };
}

export const calendarFields = z.object({
  year: z.coerce.number({ error: '年份无效' }).int('年份无效').min(2000, '年份无效').max(2100, '年份无效'),
  lines: z.string().max(20_000, '内容过长'),
});
