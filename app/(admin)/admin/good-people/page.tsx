import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { listBatchesForAdmin } from '@/db/queries/people-admin/batches';
import { listAdminPeople } from '@/db/queries/people-admin/people';
import { contentStatus, goodPersonCategory, goodPersonLevel } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { STATUS_LABELS } from '@/lib/workflow';
import { AdminTable } from '../../../_components/admin-table';
import { FilterActions, FilterSearch, FilterSelect, NoFilterResults } from '../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../_components/pagination';
import { StatusBadge } from '../news/status-badge';
import { parsePeopleFilter, peopleFilterQuery } from './filters';
import { GoodPeopleNav } from './section-nav';

export const metadata: Metadata = { title: '好人榜' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

export default async function GoodPeopleAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { values, filter } = parsePeopleFilter(params);
  const page = pageParam(params.page);
  await requirePageUser('content.edit', `/admin/good-people${peopleFilterQuery(values, page)}`);
  const db = await getDb();
  const [batches, list] = await Promise.all([listBatchesForAdmin(db), listAdminPeople(db, filter, page, PAGE_SIZE)]);
  const { items, total } = list;
  const plain = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">好人榜</h1>
        <Link href="/admin/good-people/new" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
          新建人物
        </Link>
      </div>
      <GoodPeopleNav current="/admin/good-people" />

      <form method="get" action="/admin/good-people" role="search" aria-label="筛选人物" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <FilterSelect name="batch" label="榜单" value={values.batch} options={[{ value: 'none', label: '不属于榜单' }, ...batches.map((b) => ({ value: String(b.id), label: b.title }))]} />
        <FilterSelect name="status" label="状态" value={values.status} options={contentStatus.enumValues.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
        <FilterSelect name="category" label="类别" value={values.category} options={plain(goodPersonCategory.enumValues)} />
        <FilterSelect name="level" label="级别" value={values.level} options={plain(goodPersonLevel.enumValues)} />
        <FilterSearch label="姓名" value={values.q} placeholder="姓名中的字" />
        <FilterActions clearHref="/admin/good-people" />
      </form>

      {items.length === 0 ? (
        <NoFilterResults total={total} noun="人物" firstPageHref={`/admin/good-people${peopleFilterQuery(values)}`} />
      ) : (
        <AdminTable caption={`人物列表，共${totalText(list)}人，按最近修改排列`} headers={['姓名', '类别', '级别', '所属榜单', '地区', '状态', '修改时间']} widthClass="min-w-[48rem]">
          {items.map((p) => (
            <tr key={p.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                <Link href={`/admin/good-people/${p.id}`} className="font-medium hover:text-brand hover:underline">
                  {p.name}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{p.category}</td>
              <td className="px-3 py-2 whitespace-nowrap">{p.level}</td>
              <td className="px-3 py-2">{p.batchTitle ?? '—'}</td>
              <td className="px-3 py-2">{p.region}</td>
              <td className="px-3 py-2">
                <StatusBadge status={p.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(p.updatedAt)}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pagination page={page} pageCount={cappedPageCount(list, PAGE_SIZE, page)} href={(n) => `/admin/good-people${peopleFilterQuery(values, n)}`} />
    </div>
  );
}
