import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { loadCalendar } from '@/db/queries/ledger/deadlines';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { listAreaOptions, listCategoryOptions, listStaffIssues, listUnitOptions, STAFF_QUEUES, staffQueueCounts, UNIT_QUEUES } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { ISSUE_SOURCES, ISSUE_STATUS_LABELS, ISSUE_STATUSES } from '@/lib/enums';
import { DUE_SOON_WORKING_DAYS, effectiveDeadline } from '@/lib/ledger-workflow';
import { can } from '@/lib/roles';
import { addWorkingDays } from '@/lib/work-calendar';
import { AdminTable } from '../../../_components/admin-table';
import { DoneNotice } from '../../../_components/done-notice';
import { FilterActions, FilterSearch, FilterSelect, NoFilterResults } from '../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../_components/pagination';
import { BulkAssignForm } from './bulk-assign-form';
import { ledgerQuery, parseLedgerFilter, QUEUE_LABELS } from './filters';
import { IssueStatusBadge, OverdueBadge } from './issue-badges';
import { LedgerNav } from './ledger-nav';

export const metadata: Metadata = { title: '问题整改台账' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 30;

export default async function LedgerListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { values, notice, filter } = parseLedgerFilter(params);
  const page = pageParam(params.page);
  const user = await requirePageUser('ledger.view', `/admin/ledger${ledgerQuery(values, { page })}`);
  // A unit handler sees their own unit's items only, whatever the address says.
  // (-1 matches nothing: a handler without a unit, which the database does not allow anyway, sees no item.)
  const ownUnit = can(user.role, 'ledger.unit') ? (user.unitId ?? -1) : null;
  if (ownUnit) filter.unitId = ownUnit;
  const manage = can(user.role, 'ledger.manage');
  const db = await getDb();
  const now = new Date();
  const days = await loadCalendar(db);
  const dueBy = addWorkingDays(now, DUE_SOON_WORKING_DAYS, days);
  const [list, counts, categories, unitRows, areas] = await Promise.all([
    listStaffIssues(db, filter, { now, dueBy, page, pageSize: PAGE_SIZE }),
    staffQueueCounts(db, { now, dueBy, unitId: ownUnit ?? undefined }),
    listCategoryOptions(db),
    listUnitOptions(db),
    listAreaOptions(db),
  ]);
  const { items } = list;
  const unitOptions = unitRows.map((u) => ({ value: String(u.id), label: u.name }));
  // Bulk assignment is for accepted items (to assign, or returned by their unit).
  const assignable = manage ? new Set(items.filter((i) => i.status === 'accepted').map((i) => i.no)) : new Set<string>();

  const table = (
    <AdminTable
      caption={`问题列表，共${totalText(list)}条，按提交时间倒序`}
      headers={[...(assignable.size > 0 ? ['选择'] : []), '编号', '类别', '地点', '责任单位', '状态', '整改期限', '来源', '提交时间']}
      widthClass="min-w-[64rem]"
    >
      {items.map((i) => (
        <tr key={i.id} className="border-b border-line align-top last:border-0">
          {assignable.size > 0 ? (
            <td className="px-3 py-2">
              {assignable.has(i.no) ? <input type="checkbox" name="nos" value={i.no} aria-label={`选择 ${i.no}`} className="size-5" /> : null}
            </td>
          ) : null}
          <td className="px-3 py-2 whitespace-nowrap">
            <Link href={`/admin/ledger/${i.no}`} className="font-mono font-medium hover:text-brand hover:underline">
              {i.no}
            </Link>
            {i.urgent ? <span className="ml-1 rounded bg-brand-soft px-1 text-xs text-brand">紧急</span> : null}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{i.categoryName}</td>
          <td className="px-3 py-2">
            {i.address}
            {i.area ? <span className="block text-xs text-muted">{i.area}</span> : null}
          </td>
          <td className="px-3 py-2">{i.unitName ?? '—'}</td>
          <td className="space-x-1 px-3 py-2">
            <IssueStatusBadge status={i.status} />
            <OverdueBadge item={i} now={now} />
            {i.returnCount > 0 ? <span className="block text-xs text-muted">退回{i.returnCount}次</span> : null}
            {i.reopenCount > 0 ? <span className="block text-xs text-muted">重新打开{i.reopenCount}次</span> : null}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{(() => {
            const deadline = effectiveDeadline(i);
            return deadline ? formatDateTime(deadline) : '—';
          })()}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            {i.source}
            {i.documentNo ? <span className="block text-xs text-muted">{i.documentNo}</span> : null}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(i.createdAt)}</td>
        </tr>
      ))}
    </AdminTable>
  );

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">问题整改台账</h1>
      <LedgerNav current="/admin/ledger" user={user} />
      {ownUnit ? <p className="text-sm text-muted">您是单位经办人，这里只列出交办给本单位的问题。</p> : null}
      {notice.done === 'return' && /^ZG-\d{4}-\d{6}$/.test(notice.no) ? <DoneNotice>{notice.no} 已退回改派，等待创城办重新交办。</DoneNotice> : null}

      <nav aria-label="待办队列" className="overflow-x-auto">
        <ul className="flex flex-wrap gap-2 text-sm">
          <li>
            <Link href="/admin/ledger" aria-current={!filter.queue ? 'page' : undefined} className={`block rounded border px-3 py-1.5 ${!filter.queue ? 'border-brand bg-brand text-white' : 'border-line bg-white hover:border-brand'}`}>
              全部
            </Link>
          </li>
          {(ownUnit ? UNIT_QUEUES : STAFF_QUEUES).map((q) => (
            <li key={q}>
              <Link
                href={`/admin/ledger?queue=${q}`}
                aria-current={filter.queue === q ? 'page' : undefined}
                className={`block rounded border px-3 py-1.5 whitespace-nowrap ${filter.queue === q ? 'border-brand bg-brand text-white' : 'border-line bg-white hover:border-brand'} ${q === 'overdue' && counts[q] > 0 && filter.queue !== q ? 'text-brand' : ''}`}
              >
                {QUEUE_LABELS[q]} <span className="font-bold tabular-nums">{counts[q]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/admin/ledger" role="search" aria-label="筛选问题" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        {filter.queue ? <input type="hidden" name="queue" value={filter.queue} /> : null}
        <FilterSelect name="status" label="状态" value={values.status} options={ISSUE_STATUSES.map((s) => ({ value: s, label: ISSUE_STATUS_LABELS[s] }))} />
        <FilterSelect name="category" label="类别" value={values.category} options={categories.map((c) => ({ value: String(c.id), label: c.name }))} />
        {ownUnit ? null : <FilterSelect name="unit" label="责任单位" value={values.unit} options={unitOptions} />}
        <FilterSelect name="area" label="片区/网格" value={values.area} options={areas.map((a) => ({ value: a, label: a }))} />
        <FilterSelect name="source" label="来源" value={values.source} options={ISSUE_SOURCES.map((s) => ({ value: s, label: s }))} />
        <FilterSelect name="overdue" label="超期" value={values.overdue} options={[{ value: '1', label: '只看超期' }]} allLabel="不限" />
        <FilterSearch label="编号、地点、描述或文号" value={values.q} placeholder="如 ZG-2026-000123 或 路口" />
        <FilterActions clearHref={filter.queue ? `/admin/ledger?queue=${filter.queue}` : '/admin/ledger'} />
      </form>

      {items.length === 0 ? (
        <NoFilterResults total={list.total} noun="问题" firstPageHref={`/admin/ledger${ledgerQuery(values)}`} />
      ) : assignable.size > 0 ? (
        <BulkAssignForm units={unitOptions}>{table}</BulkAssignForm>
      ) : (
        table
      )}
      <Pagination page={page} pageCount={cappedPageCount(list, PAGE_SIZE, page)} href={(n) => `/admin/ledger${ledgerQuery(values, { page: n })}`} />
    </div>
  );
}
