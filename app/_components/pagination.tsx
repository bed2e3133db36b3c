import { Link } from '@/app/_components/page-link';

type PageCount = { total: number; pageSize: number } | { pageCount: number };

/**
 * Page links that work without JavaScript: 上一页, numbered pages around the current one, 下一页. Give
 * the total and page size, or (when totals are capped, as in search) the number of pages directly.
 */
export function Pagination({ page, href, ...count }: { page: number; href: (page: number) => string } & PageCount) {
  const total = 'total' in count ? count.total : null;
  const pages = 'total' in count ? Math.max(1, Math.ceil(count.total / count.pageSize)) : Math.max(1, count.pageCount);
  if (pages <= 1) return null;
  const from = Math.max(1, page - 2);
  const to = Math.min(pages, page + 2);
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const item = 'min-w-10 rounded border border-line px-3 py-1.5 text-center';
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center justify-center gap-2">
      {page > 1 && (
        <Link href={href(page - 1)} className={`${item} hover:border-brand hover:text-brand`} rel="prev">
          上一页
        </Link>
      )}
      {numbers.map((n) =>
        n === page ? (
          <span key={n} aria-current="page" className={`${item} border-brand bg-brand text-on-brand`}>
            {n}
          </span>
        ) : (
          <Link key={n} href={href(n)} className={`${item} hover:border-brand hover:text-brand`} aria-label={`第${n}页`}>
            {n}
          </Link>
        ),
      )}
      {page < pages && (
        <Link href={href(page + 1)} className={`${item} hover:border-brand hover:text-brand`} rel="next">
          下一页
        </Link>
      )}
      <span className="text-sm text-muted">
        {total !== null && `共${total}条，`}第{page}/{pages}页
      </span>
    </nav>
  );
}

/** A positive page number from a query parameter; anything odd becomes 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
