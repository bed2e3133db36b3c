import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { listPublicCreditBatches } from '@/db/queries/credit';
import { formatDay } from '@/lib/dates';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '发布批次 - 诚信红黑榜' };

export default async function CreditBatchesPage() {
  const batches = await listPublicCreditBatches(await getDb());
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/credit', label: '诚信红黑榜' }, { label: '发布批次' }]} />
      <h1 className="text-2xl font-bold text-brand">红黑榜发布批次</h1>
      {batches.length === 0 ? (
        <p className="text-muted">暂无已发布的批次。</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg bg-white shadow-sm">
          {batches.map((batch) => (
            <li key={batch.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`/credit/batch/${batch.id}`} className="font-medium hover:text-brand hover:underline">
                {batch.title}
              </Link>
              <span className="text-sm text-muted">
                {formatDay(batch.publishedAt)} 发布 · 公示中 {batch.n} 条
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-muted">公示期满的信息自动停止公示，因此较早批次中公示中的信息会逐渐减少。</p>
    </div>
  );
}
