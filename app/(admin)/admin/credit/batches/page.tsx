import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listAdminCreditBatches } from '@/db/queries/credit-admin/batches';
import { requirePageUser } from '@/server/auth';
import { cityDay, formatDateTime } from '@/lib/dates';
import { NoResults } from '../../../../_components/admin-filters';
import { AdminTable } from '../../../../_components/admin-table';
import { StatusBadge } from '../../news/status-badge';
import { CreateBatchForm } from '../batch-forms';
import { CreditNav } from '../credit-nav';

export const metadata: Metadata = { title: '红黑榜发布批次' };
export const dynamic = 'force-dynamic';

/** "2026年第5期" for today: one issue per two calendar months, as the 文明委 releases them. */
function suggestedTitle(taken: Set<string>): string {
  const [y, m] = cityDay().split('-').map(Number) as [number, number];
  const title = `${y}年第${Math.floor((m - 1) / 2) + 1}期`;
  return taken.has(title) ? '' : title;
}

export default async function CreditBatchesPage() {
  await requirePageUser('content.edit', '/admin/credit/batches');
  const batches = await listAdminCreditBatches(await getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">发布批次</h1>
      <CreditNav current="/admin/credit/batches" />
      <section aria-labelledby="new-batch" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-batch" className="mb-3 font-bold">
          新建批次
        </h2>
        <CreateBatchForm suggestion={suggestedTitle(new Set(batches.map((b) => b.title)))} />
      </section>
      {batches.length === 0 ? (
        <NoResults>还没有批次。</NoResults>
      ) : (
        <AdminTable caption={`批次列表，共${batches.length}个，最新在前`} headers={['批次', '状态', '条目数', '发布时间', '最近修改']} widthClass="min-w-[36rem]">
          {batches.map((b) => (
            <tr key={b.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                <Link href={`/admin/credit/batches/${b.id}`} className="font-medium hover:text-brand hover:underline">
                  {b.title}
                </Link>
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={b.status} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{b.entries}</td>
              <td className="px-3 py-2 whitespace-nowrap">{b.publishedAt ? formatDateTime(b.publishedAt) : '—'}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(b.updatedAt)}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </div>
  );
}
