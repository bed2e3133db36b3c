import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { findCreditBatch, isOpenBatch, listOpenCreditBatches } from '@/db/queries/credit-admin/batches';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { requirePageUser } from '@/server/auth';
import { cityDay } from '@/lib/dates';
import { CreditEntryForm } from '../../entry-form';

export const metadata: Metadata = { title: '新建红黑榜条目' };
export const dynamic = 'force-dynamic';

export default async function NewCreditEntryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).batch;
  const batchId = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  await requirePageUser('content.edit', `/admin/credit/entries/new${batchId ? `?batch=${batchId}` : ''}`);
  const db = await getDb();
  const batch = batchId ? await findCreditBatch(db, batchId) : null;

  if (!batch || !isOpenBatch(batch.status)) {
    const open = await listOpenCreditBatches(db);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">新建条目</h1>
        <p className="rounded-lg bg-white p-4 shadow-sm">
          {batch ? `批次“${batch.title}”已提交审核或已发布，不能再添加条目。` : '条目须录入到一个尚未发布的批次中。'}请选择批次：
        </p>
        {open.length === 0 ? (
          <p>
            没有可添加条目的批次。
            <Link href="/admin/credit/batches" className="underline hover:text-brand">
              新建批次
            </Link>
          </p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {open.map((b) => (
              <li key={b.id}>
                <Link href={`/admin/credit/entries/new?batch=${b.id}`} className="underline hover:text-brand">
                  {b.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const categories = await listCreditCategories(db);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/admin/credit/batches/${batch.id}`} className="underline hover:text-brand">
          返回批次“{batch.title}”
        </Link>
      </p>
      <h1 className="text-2xl font-bold">新建条目：{batch.title}</h1>
      <CreditEntryForm categories={categories} mode={{ kind: 'create', batchId: batch.id }} initial={{ listedDate: cityDay(), subjectKind: '法人企业' }} />
    </div>
  );
}
