import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { listCreditBatchOptions } from '@/db/queries/credit-admin/batches';
import { ENTRY_STATUS_LABELS, listAdminCreditEntries, type AdminEntryStatus } from '@/db/queries/credit-admin/entries';
import { requirePageUser } from '@/server/auth';
import { AdminTable } from '../../../_components/admin-table';
import { FilterActions, FilterSearch, FilterSelect, NoFilterResults } from '../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../_components/pagination';
import { CreditNav } from './credit-nav';
import { EntryStatusBadge } from './entry-status-badge';
import { creditFilterQuery, fromSearchParams, parseCreditFilter } from './filters';
import { CREDIT_LIST_SHORT_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: '红黑榜条目' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

export default async function CreditEntriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { values, filter } = parseCreditFilter(fromSearchParams(params));
  const page = pageParam(params.page);
  await requirePageUser('content.edit', `/admin/credit${creditFilterQuery(values, { page })}`);
  const db = await getDb();
  const [categories, batches, list] = await Promise.all([listCreditCategories(db), listCreditBatchOptions(db), listAdminCreditEntries(db, filter, page, PAGE_SIZE)]);
  const { items, total } = list;
  const exportQuery = { list: values.list, category: values.category, batch: values.batch, q: values.q };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">诚信红黑榜</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href="/admin/credit/batches" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            新建条目（先选批次）
          </Link>
        </div>
      </div>
      <CreditNav current="/admin/credit" />

      <form method="get" action="/admin/credit" role="search" aria-label="筛选条目" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        <FilterSelect name="list" label="名单" value={values.list} options={[
          { value: 'red', label: '红榜' },
          { value: 'black', label: '黑榜' },
        ]} />
        <FilterSelect name="category" label="类别" value={values.category} options={categories.map((c) => ({ value: String(c.id), label: `${CREDIT_LIST_SHORT_LABELS[c.list]}·${c.name}` }))} />
        <FilterSelect name="batch" label="批次" value={values.batch} options={batches.map((b) => ({ value: String(b.id), label: b.title }))} />
        <FilterSelect name="status" label="状态" value={values.status} options={(Object.keys(ENTRY_STATUS_LABELS) as AdminEntryStatus[]).map((s) => ({ value: s, label: ENTRY_STATUS_LABELS[s] }))} />
        <FilterSearch label="名称或代码" value={values.q} placeholder="名称中的文字或信用代码" />
        <FilterActions clearHref="/admin/credit" />
      </form>

      <p className="text-sm text-muted">
        导出公示视图（仅公示中条目，姓名和身份证号按公众页面脱敏；不含状态筛选）：
        <a href={`/admin/credit/export${creditFilterQuery(exportQuery, { format: 'csv' })}`} className="ml-2 underline hover:text-brand">
          导出 CSV
        </a>
        <a href={`/admin/credit/export${creditFilterQuery(exportQuery, { format: 'xlsx' })}`} className="ml-3 underline hover:text-brand">
          导出 Excel
        </a>
      </p>

      {items.length === 0 ? (
        <NoFilterResults total={total} noun="条目" firstPageHref={`/admin/credit${creditFilterQuery(values)}`} />
      ) : (
        <AdminTable caption={`条目列表，共${totalText(list)}条，按录入先后倒序`} headers={['名称', '名单·类别', '代码 / 身份证号', '决定日期', '公示截止', '状态', '批次']} widthClass="min-w-[56rem]">
          {items.map((e) => (
            <tr key={e.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                <Link href={`/admin/credit/entries/${e.id}`} className="font-medium hover:text-brand hover:underline">
                  {e.name}
                </Link>
                <span className="block text-xs text-muted">{e.subjectKind}</span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {CREDIT_LIST_SHORT_LABELS[e.list]}·{e.categoryName}
              </td>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{e.creditCode ?? e.idNumberMasked ?? '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">{e.decisionDate}</td>
              <td className="px-3 py-2 whitespace-nowrap">{e.publicationEnd}</td>
              <td className="px-3 py-2">
                <EntryStatusBadge status={e.displayStatus} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{e.batchId ? <Link href={`/admin/credit/batches/${e.batchId}`} className="underline hover:text-brand">{e.batchTitle}</Link> : '—'}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pagination page={page} pageCount={cappedPageCount(list, PAGE_SIZE, page)} href={(n) => `/admin/credit${creditFilterQuery(values, { page: n })}`} />
    </div>
  );
}
