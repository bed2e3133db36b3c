import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { listChannels } from '@/db/queries/news';
import { listAdminNews, listNewsAuthors } from '@/db/queries/news-admin';
import { contentStatus } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { can } from '@/lib/roles';
import { STATUS_LABELS } from '@/lib/workflow';
import { FilterActions, FilterSearch, FilterSelect, NoFilterResults } from '../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../_components/pagination';
import { newsFilterQuery, parseNewsFilter } from './filters';
import { StatusBadge } from './status-badge';
import { AdminTable } from '../../../_components/admin-table';

export const metadata: Metadata = { title: '文明动态' };

const PAGE_SIZE = 20;

export default async function NewsAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { values, filter } = parseNewsFilter(params);
  const page = pageParam(params.page);
  const user = await requirePageUser('content.edit', `/admin/news${newsFilterQuery(values, page)}`);
  const db = await getDb();
  const [channels, authors, list] = await Promise.all([listChannels(db), listNewsAuthors(db), listAdminNews(db, filter, page, PAGE_SIZE)]);
  const { items, total } = list;
  const now = new Date();

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">文明动态</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          {can(user.role, 'settings.manage') && (
            <Link href="/admin/news/channels" className="rounded border border-line bg-white px-4 py-2 hover:border-brand">
              栏目管理
            </Link>
          )}
          <Link href="/admin/news/new" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            新建文章
          </Link>
        </div>
      </div>

      <form method="get" action="/admin/news" role="search" aria-label="筛选文章" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
        <FilterSelect name="channel" label="栏目" value={values.channel} options={channels.map((c) => ({ value: String(c.id), label: c.name }))} />
        <FilterSelect name="status" label="状态" value={values.status} options={contentStatus.enumValues.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <FilterSelect name="author" label="录入人" value={values.author} options={authors.map((a) => ({ value: String(a.id), label: a.displayName }))} />
        <FilterSearch label="关键词" value={values.q} placeholder="标题中的文字" />
        <FilterActions clearHref="/admin/news" />
      </form>

      {items.length === 0 ? (
        <NoFilterResults total={total} noun="文章" firstPageHref={`/admin/news${newsFilterQuery(values)}`} />
      ) : (
        <AdminTable caption={`文章列表，共${totalText(list)}篇，按最近修改排列`} headers={['标题', '栏目', '状态', '作者', '修改时间', '发布时间', '点击']} widthClass="min-w-[48rem]">
              {items.map((a) => (
                <tr key={a.id} className="border-b border-line last:border-0">
                  <td className="px-3 py-2">
                    <Link href={`/admin/news/${a.id}`} className="font-medium hover:text-brand hover:underline">
                      {a.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{a.channelName}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={a.status} publishedAt={a.publishedAt} now={now} />
                  </td>
                  <td className="px-3 py-2">
                    {/* The byline as the public page prints it; the account that entered it when that differs. */}
                    <span className="whitespace-nowrap">{a.byline || a.authorName || '—'}</span>
                    {a.authorName && a.byline && a.authorName !== a.byline && <span className="block text-xs whitespace-nowrap text-muted">录入：{a.authorName}</span>}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(a.updatedAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{a.publishedAt ? formatDateTime(a.publishedAt) : '—'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{a.viewCount}</td>
                </tr>
              ))}
        </AdminTable>
      )}
      <Pagination page={page} pageCount={cappedPageCount(list, PAGE_SIZE, page)} href={(n) => `/admin/news${newsFilterQuery(values, n)}`} />
    </div>
  );
}
