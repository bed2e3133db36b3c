import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { listChannels } from '@/db/queries/news';
import { listAdminNews, listNewsAuthors } from '@/db/queries/news-admin';
import { contentStatus } from '@/db/schema';
import { requirePageUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/dates';
import { can } from '@/lib/roles';
import { STATUS_LABELS } from '@/lib/workflow';
import { inputClass } from '../../../_components/form-fields';
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
  const [channels, authors, { items, total }] = await Promise.all([listChannels(db), listNewsAuthors(db), listAdminNews(db, filter, page, PAGE_SIZE)]);
  const now = new Date();
  const select = (name: keyof typeof values, label: string, options: { value: string; label: string }[]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={values[name]} className={inputClass}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

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
        {select('channel', '栏目', channels.map((c) => ({ value: String(c.id), label: c.name })))}
        {select('status', '状态', contentStatus.enumValues.map((s) => ({ value: s, label: STATUS_LABELS[s] })))}
        {select('author', '作者', authors.map((a) => ({ value: String(a.id), label: a.displayName })))}
        <div>
          <label htmlFor="filter-q" className="block text-sm font-medium">
            关键词
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={values.q} placeholder="标题中的文字" className={inputClass} />
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            筛选
          </button>
          <Link href="/admin/news" className="text-sm underline hover:text-brand">
            清除条件
          </Link>
        </div>
      </form>

      {items.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-muted shadow-sm">
          {total === 0 ? '没有符合条件的文章。' : <Link href={`/admin/news${newsFilterQuery(values)}`} className="underline">本页没有文章，返回第一页</Link>}
        </p>
      ) : (
        <AdminTable caption={`文章列表，共${total}篇，按最近修改排列`} headers={['标题', '栏目', '状态', '作者', '修改时间', '发布时间', '点击']} widthClass="min-w-[48rem]">
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
                  <td className="px-3 py-2 whitespace-nowrap">{a.authorName ?? '—'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(a.updatedAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{a.publishedAt ? formatDateTime(a.publishedAt) : '—'}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{a.viewCount}</td>
                </tr>
              ))}
        </AdminTable>
      )}
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(n) => `/admin/news${newsFilterQuery(values, n)}`} />
    </div>
  );
}
