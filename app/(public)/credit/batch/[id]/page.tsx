import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { CREDIT_PAGE_SIZE, findPublicCreditBatch, listPublicCreditOfBatch } from '@/db/queries/credit';
import type { CreditList } from '@/db/schema';
import { formatDay } from '@/lib/dates';
import { CreditEntryTable } from '../../../../_components/credit-entry-table';
import { PageNotFound } from '../../../../_components/page-not-found';
import { Pagination, pageParam } from '../../../../_components/pagination';
import { CREDIT_LIST_LABELS } from '@/lib/enums';
import { Breadcrumb } from '../../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string) {
  return /^\d{1,9}$/.test(id) ? findPublicCreditBatch(await getDb(), Number(id)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const batch = await load((await params).id);
  return batch ? { title: `${batch.title} - 诚信红黑榜` } : { title: '页面不存在' };
}

export default async function CreditBatchPage({ params, searchParams }: Props) {
  const batch = await load((await params).id);
  if (!batch) return <PageNotFound kind="credit-batch" />;
  const query = await searchParams;
  const listParam = Array.isArray(query.list) ? query.list[0] : query.list;
  const list: CreditList | undefined = listParam === 'red' || listParam === 'black' ? listParam : undefined;
  const page = pageParam(query.page);
  const result = await listPublicCreditOfBatch(await getDb(), batch.id, { list, page });
  if (page > 1 && result.rows.length === 0) return <PageNotFound kind="page-number" />;
  const base = `/credit/batch/${batch.id}`;
  const href = (p: number, l: CreditList | undefined = list) => {
    const qs = new URLSearchParams({ ...(l ? { list: l } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString();
    return qs ? `${base}?${qs}` : base;
  };
  const chip = 'rounded-full border px-3 py-1 text-sm';
  const tabs: [CreditList | undefined, string][] = [[undefined, '全部'], ['red', CREDIT_LIST_LABELS.red], ['black', CREDIT_LIST_LABELS.black]];
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/credit', label: '诚信红黑榜' }, { href: '/credit/batch', label: '发布批次' }, { label: batch.title }]} />
      <h1 className="text-2xl font-bold text-brand">{batch.title}</h1>
      <p className="text-sm text-muted">{formatDay(batch.publishedAt)} 发布。以下为本批次中仍在公示期内的信息。</p>
      <nav aria-label="按榜单筛选" className="flex flex-wrap gap-2">
        {tabs.map(([value, label]) => (
          <Link
            key={label}
            href={href(1, value)}
            aria-current={list === value ? 'page' : undefined}
            className={`${chip} ${list === value ? 'border-brand bg-brand text-white' : 'border-line bg-white hover:border-brand'}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <p role="status" className="text-sm text-muted">
        公示中 {result.total} 条。
      </p>
      <section aria-labelledby="batch-entries-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="batch-entries-title" className="sr-only">
          {batch.title}公示信息
        </h2>
        {result.rows.length > 0 ? (
          <CreditEntryTable entries={result.rows} caption={`${batch.title} 第${page}页`} detailed showList />
        ) : (
          <p className="text-muted">{page > 1 ? '没有更多信息了。' : '本批次暂无公示期内的信息。'}</p>
        )}
        <Pagination page={page} total={result.total} pageSize={CREDIT_PAGE_SIZE} href={(p) => href(p)} />
      </section>
    </div>
  );
}
