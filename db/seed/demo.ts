// Deterministic demo data for a fictional city (江城市): site settings, news, 好人榜 and 诚信红黑榜.
// All dates are relative to `today`, so the data always looks current; the same `today` gives
// identical data (seeded PRNG, no clock reads beyond the default of `today`).
import type { Db } from '../client';
import { putSetting } from '../queries/settings';
import { newsChannels, siteSettings } from '../schema';
import { cityDay } from '../../lib/dates';
import { CITY, CITY_OFFICES } from './content/city';
import { seedCredit } from './gen-credit';
import { seedNews } from './gen-news';
import { seedPeople } from './gen-people';

export interface SeedSummary {
  /** news_channels rows. */
  channels: number;
  /** news_articles rows of every status (published, scheduled, draft, pending). */
  articles: number;
  /** good_people_batches rows: three published months and this month's draft. */
  batches: number;
  /** good_people rows in monthly batches (published and draft), 道德模范 not included. */
  people: number;
  /** good_people rows with level 道德模范. */
  models: number;
  creditCategories: number;
  creditBatches: number;
  /** credit_entries rows of every status. */
  creditEntries: number;
  /** credit_entries whose publication period ended before `today`. */
  expiredEntries: number;
  /** credit_entries about natural persons (自然人). */
  naturalPersons: number;
}

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
    const news = await seedNews(t, today);
    const people = await seedPeople(t, today);
    const credit = await seedCredit(t, today);
    return {
      channels: news.channels,
      articles: news.articles,
      batches: people.batches,
      people: people.people,
      models: people.models,
      ...credit,
    };
  });
}

/** True when neither site settings nor news channels exist yet, i.e. nothing was ever set up. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const settings = await db.select({ key: siteSettings.key }).from(siteSettings).limit(1);
  if (settings.length > 0) return false;
  const channels = await db.select({ id: newsChannels.id }).from(newsChannels).limit(1);
  return channels.length === 0;
}
