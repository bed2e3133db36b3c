// Site settings: one row per key, each value checked against its zod shape on read and write.
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { siteSettings } from '../schema';
import { DEFAULT_SENSITIVE_WORDS } from '@/lib/sensitive-words';

export const siteInfoSchema = z.object({
  siteName: z.string().min(1).max(40),
  city: z.string().min(1).max(20),
  organizer: z.string().max(60), // 主办单位
  contact: z.string().max(100),
  siteCode: z.string().max(20), // 网站标识码
  icp: z.string().max(40), // ICP备案号
  publicSecurity: z.string().max(40), // 公网安备号
  errorReportUrl: z.string().max(200), // 我为政府网站找错
});
export type SiteInfo = z.infer<typeof siteInfoSchema>;

export const DEFAULT_SITE_INFO: SiteInfo = {
  siteName: '文明城市门户',
  city: '本市',
  organizer: '',
  contact: '',
  siteCode: '',
  icp: '',
  publicSecurity: '',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/',
};

/** The editable sensitive-word list that flags citizens' submissions for moderators. */
export const sensitiveWordsSchema = z.array(z.string().min(1).max(30)).max(5000);

/**
 * 办理时限 that citizens are told on the status pages, in working days (工作日): how long verifying a
 * recommendation takes, and answering an objection (异议申诉) or a credit repair application (信用修复).
 */
export const handlingTimesSchema = z.object({
  recommendationDays: z.number().int().min(1).max(90),
  objectionDays: z.number().int().min(1).max(90),
  repairDays: z.number().int().min(1).max(90),
});
export type HandlingTimes = z.infer<typeof handlingTimesSchema>;
// Objections: the deciding authority verifies and answers within 15 working days of acceptance (the usual
// rule for 异议处理); repairs likewise. Editors change them under 网站设置.
export const DEFAULT_HANDLING_TIMES: HandlingTimes = { recommendationDays: 20, objectionDays: 15, repairDays: 15 };

const shapes = { siteInfo: siteInfoSchema, sensitiveWords: sensitiveWordsSchema, handlingTimes: handlingTimesSchema } as const;
type SettingKey = keyof typeof shapes;
type SettingValue<K extends SettingKey> = z.infer<(typeof shapes)[K]>;
const defaults: { [K in SettingKey]: SettingValue<K> } = { siteInfo: DEFAULT_SITE_INFO, sensitiveWords: DEFAULT_SENSITIVE_WORDS, handlingTimes: DEFAULT_HANDLING_TIMES };

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const rows = await db.select({ value: siteSettings.value }).from(siteSettings).where(inArray(siteSettings.key, [key]));
  const parsed = shapes[key].safeParse(rows[0]?.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaults[key];
}

export async function putSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): Promise<void> {
  const checked = shapes[key].parse(value);
  await db
    .insert(siteSettings)
    .values({ key, value: checked })
    .onConflictDoUpdate({ target: siteSettings.key, set: { value: checked, updatedAt: new Date() } });
}

/**
 * The secret that signs editors' session tokens, made once per database so that every instance sharing
 * the database agrees on it (NEXTAUTH_SECRET overrides it). Never shown in the settings page or logs.
 */
export async function getOrCreateAuthSecret(db: Db): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  await db
    .insert(siteSettings)
    .values({ key: 'authSecret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: siteSettings.value }).from(siteSettings).where(inArray(siteSettings.key, ['authSecret']));
  return String(row!.value);
}
