import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DoneNotice } from '../../../../../_components/done-notice';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { creditBatchReviewParties, findCreditBatch, isOpenBatch } from '@/db/queries/credit-admin/batches';
import { listAdminCreditEntries } from '@/db/queries/credit-admin/entries';
import { listReviewEvents } from '@/db/queries/workflow';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { approvalRefusal, availableActions, STATUS_LABELS, type WorkflowAction } from '@/lib/workflow';
import { can } from '@/lib/roles';
import { NoResults } from '../../../../../_components/admin-filters';
import { AdminTable } from '../../../../../_components/admin-table';
import { Pagination, pageParam } from '../../../../../_components/pagination';
import { StatusBadge } from '../../../news/status-badge';
import { BatchReviewPanel } from '../../batch-forms';
import { EntryStatusBadge } from '../../entry-status-badge';
import { CREDIT_LIST_SHORT_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: '发布批次' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;
const DONE: Record<string, string> = {
  created: '批次已创建。现在可以添加条目或批量导入。',
  submit: '已提交审核。',
  approve: '已审核通过，整批发布。',
  reject: '已退回修改。',
  takeOffline: '批次已下线。',
  forcePublish: '已强制发布，理由已记入审计日志。',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CreditBatchPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const user = await requirePageUser('content.edit', `/admin/credit/batches/${id}`);
  const db = await getDb();
  const batch = await findCreditBatch(db, id);
  if (!batch) notFound();
  const query = await searchParams;
  const page = pageParam(query.page);
  const [list, events] = await Promise.all([listAdminCreditEntries(db, { batchId: id }, page, PAGE_SIZE), listReviewEvents(db, 'credit_batch', id)]);
  const { items } = list;
  const actions: WorkflowAction[] = availableActions(batch.status, user.role);
  const refusedApproval = actions.includes('approve') ? approvalRefusal(user, await creditBatchReviewParties(db, id)) : null;
  const done = typeof query.done === 'string' ? DONE[query.done] : undefined;
  const open = isOpenBatch(batch.status);
  const lastReason = batch.status === 'rejected' || batch.status === 'offline' ? [...events].reverse().find((e) => e.toStatus === batch.status && e.reason) : undefined;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/credit/batches" className="underline hover:text-brand">
          返回批次列表
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{batch.title}</h1>
        <StatusBadge status={batch.status} />
        <span className="text-sm text-muted">
          {batch.entries} 条{batch.publishedAt ? ` · 发布于 ${formatDateTime(batch.publishedAt)}` : ''}
        </span>
      </div>
      {done ? (
        <DoneNotice>{done}</DoneNotice>
      ) : null}
      {lastReason ? (
        <p className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm text-brand">
          {STATUS_LABELS[batch.status]}理由：{lastReason.reason}（{lastReason.actorName}，{formatDateTime(lastReason.at)}）
        </p>
      ) : null}

      {open ? (
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href={`/admin/credit/entries/new?batch=${batch.id}`} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
            添加条目
          </Link>
          <Link href={`/admin/credit/import?batch=${batch.id}`} className="rounded border border-line bg-white px-4 py-2 hover:border-brand">
            批量导入
          </Link>
        </div>
      ) : (
        <p className="text-sm text-muted">该批次已提交审核或已发布，不能再添加条目；已发布的条目仍可逐条修改。</p>
      )}

      <section aria-labelledby="review-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="review-heading" className="font-bold">
          审核与发布
        </h2>
        <BatchReviewPanel batchId={batch.id} version={batch.version} actions={actions} approvalRefusal={refusedApproval} mayOverride={can(user.role, 'content.forcePublish')} />
        {events.length > 0 ? (
          <ol className="space-y-1 text-sm text-muted">
            {events.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.at)} {e.actorName}：{e.fromStatus ? STATUS_LABELS[e.fromStatus] : '—'} → {STATUS_LABELS[e.toStatus]}
                {e.reason ? `（${e.reason}）` : ''}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-bold">
          本批次条目（{totalText(list)}）
        </h2>
        {items.length === 0 ? (
          <NoResults>本批次还没有条目。</NoResults>
        ) : (
          <AdminTable caption={`本批次条目，共${totalText(list)}条`} headers={['名称', '名单·类别', '代码 / 身份证号', '决定日期', '公示截止', '状态']} widthClass="min-w-[48rem]">
            {items.map((e) => (
              <tr key={e.id} className="border-b border-line last:border-0">
                <td className="px-3 py-2">
                  <Link href={`/admin/credit/entries/${e.id}`} className="font-medium hover:text-brand hover:underline">
                    {e.name}
                  </Link>
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
              </tr>
            ))}
          </AdminTable>
        )}
        <Pagination page={page} pageCount={cappedPageCount(list, PAGE_SIZE, page)} href={(n) => `/admin/credit/batches/${batch.id}${n > 1 ? `?page=${n}` : ''}`} />
      </section>
    </div>
  );
}
