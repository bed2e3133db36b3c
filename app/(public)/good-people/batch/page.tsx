import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { listPublicBatchesWithCounts } from '@/db/queries/people';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '往期榜单 - 好人榜' };

/** The archive: every published monthly list, newest first, with how many people it holds. */
export default async function BatchArchivePage() {
  const batches = await listPublicBatchesWithCounts(await getDb());
  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/good-people', label: '好人榜' }, { label: '往期榜单' }]} />
      <h1 className="text-2xl font-bold text-brand">往期榜单</h1>
      {batches.length === 0 ? (
        <p className="text-muted">暂无已发布的榜单。</p>
      ) : (
        <ul className="divide-y divide-line">
          {batches.map((b) => (
            <li key={b.id} className="flex items-center justify-between gap-3 py-3">
              <Link href={`/good-people/batch/${b.month}`} className="font-medium hover:text-brand hover:underline">
                {b.title}
              </Link>
              <span className="shrink-0 text-sm text-muted">{b.people}人</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
