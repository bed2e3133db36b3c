import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listBatchesForAdmin } from '@/db/queries/people-admin/batches';
import type { ContentStatus } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { cityDay, formatDateTime } from '@/lib/dates';
import { NoResults } from '../../../../_components/admin-filters';
import { AdminTable } from '../../../../_components/admin-table';
import { StatusBadge } from '../../news/status-badge';
import { GoodPeopleNav } from '../section-nav';
import { CreateBatchForm } from './batch-forms';

export const metadata: Metadata = { title: '月度榜单' };
export const dynamic = 'force-dynamic';

export default async function BatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).status;
  // The dashboard links here with ?status=draft (drafts and rejected) or ?status=pending.
  const wanted: ContentStatus[] | null = raw === 'draft' ? ['draft', 'rejected'] : raw === 'pending' ? ['pending'] : null;
  await requirePageUser('content.edit', `/admin/good-people/batches${wanted ? `?status=${raw}` : ''}`);
  const all = await listBatchesForAdmin(await getDb());
  const batches = wanted ? all.filter((b) => wanted.includes(b.status)) : all;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">月度榜单</h1>
      <GoodPeopleNav current="/admin/good-people/batches" />
      <section aria-labelledby="new-batch" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-batch" className="mb-3 font-bold">
          新建月度榜单
        </h2>
        <CreateBatchForm defaultMonth={cityDay().slice(0, 7)} />
      </section>
      {wanted && (
        <p className="text-sm">
          只显示{raw === 'pending' ? '待审核' : '草稿和已退回'}的榜单。
          <Link href="/admin/good-people/batches" className="underline hover:text-brand">
            显示全部
          </Link>
        </p>
      )}
      {batches.length === 0 ? (
        <NoResults>{wanted ? '没有符合条件的榜单。' : '还没有榜单。'}</NoResults>
      ) : (
        <AdminTable caption={`月度榜单，共${batches.length}个，按月份从新到旧排列`} headers={['榜单', '月份', '人数', '点赞评议', '状态', '发布时间']} widthClass="min-w-[44rem]">
          {batches.map((b) => (
            <tr key={b.id} className="border-b border-line last:border-0">
              <td className="px-3 py-2">
                <Link href={`/admin/good-people/batches/${b.id}`} className="font-medium hover:text-brand hover:underline">
                  {b.title}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{b.month}</td>
              <td className="px-3 py-2 text-right tabular-nums">{b.peopleCount}</td>
              <td className="px-3 py-2 whitespace-nowrap">{b.votingStart && b.votingEnd ? `${b.votingStart} 至 ${b.votingEnd}` : '未设置'}</td>
              <td className="px-3 py-2">
                <StatusBadge status={b.status} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{b.publishedAt ? formatDateTime(b.publishedAt) : '—'}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </div>
  );
}
