import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listAdminObjections } from '@/db/queries/credit-admin/objections';
import { objectionStatus, type ObjectionStatus } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { maskPersonName } from '@/lib/mask';
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS } from '@/lib/objection-status';
import { AdminTable } from '../../../../_components/admin-table';
import { FilterSelect, FilterSubmit, NoResults } from '../../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../../_components/pagination';
import { CreditNav } from '../credit-nav';

export const metadata: Metadata = { title: '异议申诉与信用修复' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 30;

export default async function ObjectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.status === 'string' ? params.status : '';
  const status = (objectionStatus.enumValues as readonly string[]).includes(raw) ? (raw as ObjectionStatus) : undefined;
  const page = pageParam(params.page);
  await requirePageUser('content.edit', `/admin/credit/objections${status ? `?status=${status}` : ''}`);
  const { items, total } = await listAdminObjections(await getDb(), status, page, PAGE_SIZE);
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return `/admin/credit/objections${s ? `?${s}` : ''}`;
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">异议申诉与信用修复</h1>
      <CreditNav current="/admin/credit/objections" />
      <form method="get" action="/admin/credit/objections" role="search" aria-label="筛选申请" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <FilterSelect name="status" label="状态" value={status ?? ''} allLabel="全部（待处理在前）" options={objectionStatus.enumValues.map((s) => ({ value: s, label: OBJECTION_STATUS_LABELS[s] }))} />
        <FilterSubmit />
      </form>
      {items.length === 0 ? (
        <NoResults>没有符合条件的申请。</NoResults>
      ) : (
        <AdminTable caption={`申请列表，共${total}件，待处理在前`} headers={['受理编号', '类型', '涉及条目', '申请人', '状态', '提交时间']} widthClass="min-w-[44rem]">
          {items.map((o) => (
            <tr key={o.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2 font-mono whitespace-nowrap">
                <Link href={`/admin/credit/objections/${o.id}`} className="hover:text-brand hover:underline">
                  {o.trackingNo}
                </Link>
                {o.flaggedWords.length > 0 ? <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">含敏感词</span> : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{OBJECTION_KIND_LABELS[o.kind]}</td>
              <td className="px-3 py-2">{o.entrySubjectKind === '自然人' ? maskPersonName(o.entryName) : o.entryName}</td>
              <td className="px-3 py-2 whitespace-nowrap">{o.applicantName}</td>
              <td className="px-3 py-2 whitespace-nowrap">{OBJECTION_STATUS_LABELS[o.status]}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(o.createdAt)}</td>
            </tr>
          ))}
        </AdminTable>
      )}
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={href} />
    </div>
  );
}
