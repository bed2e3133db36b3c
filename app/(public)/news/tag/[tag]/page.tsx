import type { Metadata } from 'next';
import { Pagination, pageParam } from '../../../../_components/pagination';
import { publicNewsData } from '@/server/public-news';
import { decodeSegment } from '@/lib/routes';
import { NewsSummaryList } from '../../../../_components/news-summary-list';
import { PageNotFound } from '../../../../_components/page-not-found';
import { Breadcrumb } from '../../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The tag from the URL, or null when it cannot be one (tags are short words). */
async function tagOf(params: Props['params']): Promise<string | null> {
  const segment = (await params).tag;
  // The segment arrives percent-encoded; tags are at most 12 characters (lib/article-input.ts).
  const tag = decodeSegment(segment)?.trim();
  if (tag === undefined) return null;
  return tag.length > 0 && Array.from(tag).length <= 12 && !/\p{Cc}/u.test(tag) ? tag : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await tagOf(params);
  return { title: tag ? `${tag} - 文明动态` : '页面不存在' };
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await tagOf(params);
  if (!tag) return <PageNotFound kind="page" />;
  const page = pageParam((await searchParams).page);
  const { items, total } = await publicNewsData.byTag(tag, { page, pageSize: PAGE_SIZE });
  if (total === 0) return <PageNotFound kind="page" />;
  if (items.length === 0) return <PageNotFound kind="page-number" />;
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <Breadcrumb trail={[{ href: '/news', label: '文明动态' }, { label: `标签：${tag}` }]} />
      <h1 className="mt-2 border-b-2 border-brand pb-2 text-xl font-bold text-brand">标签：{tag}</h1>
      <NewsSummaryList items={items} showChannel empty="本页没有文章。" />
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(n) => `/news/tag/${encodeURIComponent(tag)}?page=${n}`} />
    </div>
  );
}
