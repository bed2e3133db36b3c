// RSS 2.0 of one channel's latest 50 public articles; unknown channels answer 404.
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { buildRss, newsRssItem, RSS_HEADERS } from '@/lib/rss';
import { publicOrigin } from '@/server/site-url';
import { publicNewsData } from '@/server/public-news';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ channel: string }> }) {
  const db = await getDb();
  const channel = await publicNewsData.channelBySlug((await params).channel);
  if (!channel) {
    return new Response('栏目不存在', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const origin = publicOrigin();
  const [info, items] = await Promise.all([getSetting(db, 'siteInfo'), publicNewsData.feed({ channelId: channel.id, limit: 50 })]);
  const page = `/news/channel/${channel.slug}`;
  const xml = buildRss({
    title: `${info.siteName} · 文明动态 · ${channel.name}`,
    link: new URL(page, origin).href,
    selfUrl: new URL(`${page}/feed.xml`, origin).href,
    description: `${info.city}文明动态「${channel.name}」栏目最新资讯`,
    items: items.map((item) => newsRssItem(origin, item)),
  });
  return new Response(xml, { headers: RSS_HEADERS });
}
