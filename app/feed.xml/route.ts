// RSS 2.0 of the latest 50 public articles of all channels.
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { buildRss, newsRssItem, RSS_HEADERS } from '@/lib/rss';
import { publicOrigin } from '@/server/site-url';
import { publicNewsData } from '@/server/public-news';

// Rendered per request (the build never opens the database); proxies may cache it for 5 minutes.
export const dynamic = 'force-dynamic';

export async function GET() {
  const db = await getDb();
  const origin = publicOrigin();
  const [info, items] = await Promise.all([getSetting(db, 'siteInfo'), publicNewsData.feed({ limit: 50 })]);
  const xml = buildRss({
    title: `${info.siteName} · 文明动态`,
    link: new URL('/news', origin).href,
    selfUrl: new URL('/feed.xml', origin).href,
    description: `${info.city}文明动态：要闻、基层动态、志愿服务、新时代文明实践等最新资讯`,
    items: items.map((item) => newsRssItem(origin, item)),
  });
  return new Response(xml, { headers: RSS_HEADERS });
}
