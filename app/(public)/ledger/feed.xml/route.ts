// RSS 2.0 of the latest 50 items of the public 问题整改台账 (public fields only: never the reporter).
import { getDb } from '@/db/client';
import { ledgerFeed } from '@/db/queries/ledger/ledger';
import { getSetting } from '@/db/queries/settings';
import { ISSUE_STATUS_LABELS } from '@/lib/enums';
import { buildRss, RSS_HEADERS } from '@/lib/rss';
import { publicOrigin } from '@/server/site-url';

// Rendered per request (the build never opens the database); proxies may cache it for 5 minutes.
export const dynamic = 'force-dynamic';

export async function GET() {
  const db = await getDb();
  const origin = publicOrigin();
  const [info, items] = await Promise.all([getSetting(db, 'siteInfo'), ledgerFeed(db)]);
  const xml = buildRss({
    title: `${info.siteName} · 问题整改台账`,
    link: new URL('/ledger', origin).href,
    selfUrl: new URL('/ledger/feed.xml', origin).href,
    description: `${info.city}问题整改台账：市民随手拍、督查和测评发现的问题，责任单位限期整改、核验销号的公开记录`,
    items: items.map((item) => {
      const link = new URL(`/ledger/${item.no}`, origin).href;
      const place = [item.area, item.address].filter(Boolean).join(' ');
      return {
        title: `${item.no} ${item.categoryName}：${place}（${ISSUE_STATUS_LABELS[item.status]}）`,
        link,
        guid: link,
        pubDate: item.updatedAt,
        description: `${item.description}${item.unitName ? `（责任单位：${item.unitName}）` : ''}`,
        category: item.categoryName,
      };
    }),
  });
  return new Response(xml, { headers: RSS_HEADERS });
}
