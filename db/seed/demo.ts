// Deterministic demo data for a fictional city (江城市): site settings, then each content domain's step.
// All dates are relative to `today`, so the data always looks current; the same `today` gives
// identical data (seeded PRNG, no clock reads beyond the default of `today`).
import type { Db } from '../client';
import { putSetting } from '../queries/settings';
import { newsChannels, siteSettings } from '../schema';
import { cityDay } from '../../lib/dates';
import { DOMAINS, type DomainKey, type UnionToIntersection } from '../../lib/domains';
import { DOMAIN_DATA } from '../domains';
import { CITY, CITY_OFFICES } from './content/city';

/** What the demo seed wrote: every domain's step counts its rows (articles, people, creditEntries, ...). */
export type SeedSummary = UnionToIntersection<Awaited<ReturnType<(typeof DOMAIN_DATA)[DomainKey]['seed']>>>;

export const DEMO_SITE_INFO = {
  siteName: '江城文明网',
  city: CITY,
  organizer: `${CITY_OFFICES.propaganda} ${CITY_OFFICES.civilization}`,
  contact: '地址：江城市江南区市民中心路1号（演示地址） 电话：0710-12345678（演示号码）',
  siteCode: '4201000099',
  icp: '江ICP备00000000号-1',
  publicSecurity: '江公网安备 00000000000000号',
  errorReportUrl: 'https://zfwzzc.www.gov.cn/',
};

/** Writes the whole demo data set in one transaction. Meant for an empty database (see isDatabaseEmpty). */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<SeedSummary> {
  const today = options.today ?? cityDay();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`seedDemo: today must be yyyy-mm-dd, got ${today}`);
  return db.transaction(async (t) => {
    await putSetting(t, 'siteInfo', DEMO_SITE_INFO);
    // Each domain's step (db/domains.ts), in registry order.
    const summary = {};
    for (const domain of DOMAINS) Object.assign(summary, await DOMAIN_DATA[domain.key].seed(t, today));
    return summary as SeedSummary;
  });
}

/** True when neither site settings nor news channels exist yet, i.e. nothing was ever set up. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const settings = await db.select({ key: siteSettings.key }).from(siteSettings).limit(1);
  if (settings.length > 0) return false;
  const channels = await db.select({ id: newsChannels.id }).from(newsChannels).limit(1);
  return channels.length === 0;
}
