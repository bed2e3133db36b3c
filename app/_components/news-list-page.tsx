import { Link } from '@/app/_components/page-link';
import { publicNewsData } from '@/server/public-news';
import { Breadcrumb } from './breadcrumb';
import { NewsSummaryList } from './news-summary-list';
import { PageNotFound } from './page-not-found';
import { Pagination } from './pagination';

const PAGE_SIZE = 20;

/** /news and /news/channel/[channel]: channel tabs, the list, pagination. */
export async function NewsListPage({ channel, page }: { channel: { id: number; slug: string; name: string } | null; page: number }) {
  const [channels, { items, total }] = await Promise.all([
    publicNewsData.channels(),
    publicNewsData.list({ channelId: channel?.id, page, pageSize: PAGE_SIZE }),
  ]);
  // /news?page=99 past the last page: a wrong address, not an empty list.
  if (page > 1 && items.length === 0) return <PageNotFound kind="page-number" />;
  const base = channel ? `/news/channel/${channel.slug}` : '/news';
  const tab = (active: boolean) => `rounded px-3 py-1 ${active ? 'bg-brand text-white' : 'bg-canvas text-ink hover:text-brand'}`;
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <Breadcrumb trail={channel ? [{ href: '/news', label: '文明动态' }, { label: channel.name }] : [{ label: '文明动态' }]} />
      <h1 className="border-b-2 border-brand pb-2 text-xl font-bold text-brand">{channel ? `文明动态 · ${channel.name}` : '文明动态'}</h1>
      <nav aria-label="栏目" className="mt-3 flex flex-wrap gap-2 text-sm">
        <Link href="/news" className={tab(!channel)} aria-current={channel ? undefined : 'page'}>
          全部
        </Link>
        {channels.map((c) => (
          <Link key={c.id} href={`/news/channel/${c.slug}`} className={tab(c.id === channel?.id)} aria-current={c.id === channel?.id ? 'page' : undefined}>
            {c.name}
          </Link>
        ))}
      </nav>
      <NewsSummaryList items={items} showChannel={!channel} empty="暂无新闻。" />
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(n) => `${base}?page=${n}`} />
    </div>
  );
}
