import Link from 'next/link';
import { newsPath } from '@/db/queries/news';
import { formatDay } from '@/lib/dates';
import { Pagination } from './pagination';
import { publicNewsData } from '@/lib/public-news';

const PAGE_SIZE = 20;

/** /news and /news/channel/[channel]: channel tabs, the list, pagination. */
export async function NewsListPage({ channel, page }: { channel: { id: number; slug: string; name: string } | null; page: number }) {
  const [channels, { items, total }] = await Promise.all([
    publicNewsData.channels(),
    publicNewsData.list({ channelId: channel?.id, page, pageSize: PAGE_SIZE }),
  ]);
  const base = channel ? `/news/channel/${channel.slug}` : '/news';
  const tab = (active: boolean) => `rounded px-3 py-1 ${active ? 'bg-brand text-white' : 'bg-canvas text-ink hover:text-brand'}`;
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
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
      <ul className="mt-4 divide-y divide-line">
        {items.map((item) => (
          <li key={item.id} className="py-3">
            <div className="flex items-baseline justify-between gap-3">
              <Link href={newsPath(item)} className="min-w-0 font-medium hover:text-brand hover:underline">
                {item.title}
              </Link>
              {item.publishedAt && <time className="shrink-0 text-sm text-muted">{formatDay(item.publishedAt)}</time>}
            </div>
            <p className="mt-1 line-clamp-2 text-sm text-muted">
              {!channel && <span className="mr-2 text-brand">[{item.channelName}]</span>}
              {item.summary}
            </p>
          </li>
        ))}
      </ul>
      {items.length === 0 && <p className="py-8 text-center text-muted">暂无新闻。</p>}
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(n) => `${base}?page=${n}`} />
    </div>
  );
}
