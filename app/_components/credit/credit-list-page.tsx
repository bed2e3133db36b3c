// /credit/red and /credit/black: one list, filtered by category with plain links, paginated.
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { CREDIT_PAGE_SIZE, listCreditCategories, listPublicCredit } from '@/db/queries/credit';
import type { CreditList } from '@/db/schema';
import { CreditEntryTable } from '../credit-entry-table';
import { PageNotFound } from '../page-not-found';
import { Pagination, pageParam } from '../pagination';
import { CREDIT_LIST_LABELS } from '@/lib/enums';
import { Breadcrumb } from '../breadcrumb';

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function CreditListPage({ list, searchParams }: { list: CreditList; searchParams: SearchParams }) {
  const db = await getDb();
  const page = pageParam(searchParams.page);
  const categories = await listCreditCategories(db, list);
  const categoryText = first(searchParams.category);
  const category = categoryText ? categories.find((c) => String(c.id) === categoryText) : undefined;
  // An unknown category in the address is a wrong link, not an empty list.
  if (categoryText && !category) return <PageNotFound kind="page" />;
  const result = await listPublicCredit(db, { list, categoryId: category?.id, page });
  if (page > 1 && result.rows.length === 0) return <PageNotFound kind="page-number" />;
  const base = `/credit/${list}`;
  const href = (p: number, categoryId = category?.id) => {
    const params = new URLSearchParams();
    if (categoryId) params.set('category', String(categoryId));
    if (p > 1) params.set('page', String(p));
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const title = CREDIT_LIST_LABELS[list];
  const chip = 'rounded-full border px-3 py-1 text-sm';
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/credit', label: '诚信红黑榜' }, { label: title }]} />
      <h1 className={`text-2xl font-bold ${list === 'red' ? 'text-red-list' : 'text-black-list'}`}>
        {title}
        {category ? ` · ${category.name}` : ''}
      </h1>
      <nav aria-label="按类别筛选" className="flex flex-wrap gap-2">
        <Link href={href(1, 0)} aria-current={category ? undefined : 'page'} className={`${chip} ${category ? 'border-line bg-white hover:border-brand' : 'border-brand bg-brand text-white'}`}>
          全部类别
        </Link>
        {categories.map((c) => (
          <Link
            key={c.id}
            href={href(1, c.id)}
            aria-current={category?.id === c.id ? 'page' : undefined}
            className={`${chip} ${category?.id === c.id ? 'border-brand bg-brand text-white' : 'border-line bg-white hover:border-brand'}`}
          >
            {c.name}
          </Link>
        ))}
      </nav>
      <p role="status" className="text-sm text-muted">
        公示中 {totalText(result)} 条，按认定日期从新到旧排列。公示期满的信息自动停止公示。
      </p>
      <section aria-labelledby="credit-list-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="credit-list-title" className="sr-only">
          {title}名单
        </h2>
        {result.rows.length > 0 ? (
          <CreditEntryTable entries={result.rows} caption={`${title}${category ? ` ${category.name}` : ''} 第${page}页`} detailed />
        ) : (
          <p className="text-muted">{page > 1 ? '没有更多信息了。' : '该类别暂无公示中的信息。'}</p>
        )}
        <Pagination page={page} pageCount={cappedPageCount(result, CREDIT_PAGE_SIZE, page)} href={(p) => href(p)} />
      </section>
    </div>
  );
}
