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

const shapes = { siteInfo: siteInfoSchema, sensitiveWords: sensitiveWordsSchema } as const;
type SettingKey = keyof typeof shapes;
type SettingValue<K extends SettingKey> = z.infer<(typeof shapes)[K]>;
const defaults: { [K in SettingKey]: SettingValue<K> } = { siteInfo: DEFAULT_SITE_INFO, sensitiveWords: DEFAULT_SENSITIVE_WORDS };

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
