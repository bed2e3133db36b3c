import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { getSetting } from '@/db/queries/settings';
import { absoluteUrl, siteOrigin } from '@/server/site-url';
import { LEDGER_PAGE_SIZE, listLedger, listUnitsPublic } from '@/db/queries/ledger/ledger';
import { listSnapCategories } from '@/db/queries/ledger/public-extra';
import { cityDay, formatDay } from '@/lib/dates';
import { ISSUE_STATUS_LABELS, PUBLIC_ISSUE_STATUSES } from '@/lib/enums';
import { FilterActions, FilterSelect, NoFilterResults } from '../../_components/admin-filters';
import { Breadcrumb } from '../../_components/breadcrumb';
import { PageNotFound } from '../../_components/page-not-found';
import { Pagination, pageParam } from '../../_components/pagination';
import { IssueStatusBadge, OverdueBadge } from './ledger-badges';
import { ledgerHref, monthOptions, parseLedgerFilters } from './ledger-filters';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const [origin, info] = await Promise.all([siteOrigin(), getDb().then((db) => getSetting(db, 'siteInfo'))]);
  return {
    title: '问题整改台账',
    alternates: { types: { 'application/rss+xml': [{ url: absoluteUrl(origin, '/ledger/feed.xml'), title: `${info.siteName} · 问题整改台账` }] } },
  };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function LedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const db = await getDb();
  const [categories, unitRows] = await Promise.all([listSnapCategories(db), listUnitsPublic(db)]);
  const areas = [...new Set(unitRows.flatMap((u) => u.areas))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const today = cityDay();
  const parsed = parseLedgerFilters(params, { categories: categories.map((c) => c.id), units: unitRows.map((u) => u.id), areas, today });
  // A value no list offers is a wrong link, not an empty ledger.
  if (!parsed) return <PageNotFound kind="page" />;
  const page = pageParam(params.page);
  const result = await listLedger(db, { ...parsed, page });
  if (page > 1 && result.rows.length === 0) return <PageNotFound kind="page-number" />;
  const filtered = Object.values(parsed).some((v) => v !== undefined);
  const totalAll = { total: PUBLIC_ISSUE_STATUSES.reduce((n, s) => n + (result.counts[s] ?? 0), 0), capped: result.over.length > 0 };

  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ label: '问题整改台账' }]} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand">问题整改台账</h1>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/snap" className="rounded bg-brand px-4 py-2 font-medium text-on-brand hover:bg-brand-dark">
            随手拍 · 我要反映问题
          </Link>
          <Link href="/units" className="self-center text-brand underline">
            责任单位整改情况
          </Link>
        </p>
      </div>
      <p className="text-muted">
        市民随手拍、督查、测评和12345热线发现的问题，受理后交责任单位限期整改，整改完成经核验后销号。台账公开每个问题的办理过程；超过整改期限未完成的，标注红色“超期”。
      </p>

      <nav aria-label="按办理状态筛选" className="grid grid-cols-2 gap-2 min-[480px]:grid-cols-4 lg:grid-cols-7">
        <StatusCount label="全部" count={totalText(totalAll)} href={ledgerHref({ ...parsed, status: undefined })} current={!parsed.status} />
        {PUBLIC_ISSUE_STATUSES.map((s) => (
          <StatusCount key={s} label={ISSUE_STATUS_LABELS[s]} count={totalText({ total: result.counts[s] ?? 0, capped: result.over.includes(s) })} href={ledgerHref({ ...parsed, status: s })} current={parsed.status === s} />
        ))}
      </nav>

      <form method="get" action="/ledger" aria-label="筛选问题" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-4 lg:items-end">
        <FilterSelect name="status" label="办理状态" value={parsed.status ?? ''} allLabel="全部状态" options={PUBLIC_ISSUE_STATUSES.map((s) => ({ value: s, label: ISSUE_STATUS_LABELS[s] }))} />
        <FilterSelect name="category" label="问题类别" value={parsed.categoryId ? String(parsed.categoryId) : ''} allLabel="全部类别" options={categories.map((c) => ({ value: String(c.id), label: c.name }))} />
        <FilterSelect name="unit" label="责任单位" value={parsed.unitId ? String(parsed.unitId) : ''} allLabel="全部单位" options={unitRows.map((u) => ({ value: String(u.id), label: u.name }))} />
        <FilterSelect name="area" label="片区" value={parsed.area ?? ''} allLabel="全部片区" options={areas.map((a) => ({ value: a, label: a }))} />
        <FilterSelect name="month" label="提交月份" value={parsed.month ?? ''} allLabel="全部月份" options={monthOptions(today)} />
        <div>
          <span className="block text-sm font-medium" id="filter-overdue-label">
            是否超期
          </span>
          <label className="mt-1 flex items-center gap-2 py-2">
            <input type="checkbox" name="overdue" value="1" defaultChecked={parsed.overdue === true} className="size-4" aria-describedby="filter-overdue-label" />
            <span>只看超期</span>
          </label>
        </div>
        <FilterActions clearHref="/ledger" />
      </form>

      <p role="status" className="text-sm text-muted">
        {filtered ? '符合条件的' : '公开'}问题共 {totalText(result)} 条，按提交时间从新到旧排列。
      </p>
      {result.rows.length === 0 ? (
        <NoFilterResults total={result.total} noun="问题" firstPageHref={ledgerHref(parsed)} />
      ) : (
        <ol className="space-y-3" aria-label={`问题列表 第${page}页`}>
          {result.rows.map((item) => (
            <li key={item.no} className="rounded-lg bg-white p-4 shadow-sm">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/ledger/${item.no}`} className="whitespace-nowrap font-mono font-medium text-brand underline-offset-2 hover:underline">
                  {item.no}
                </Link>
                <IssueStatusBadge status={item.status} />
                {item.overdue && <OverdueBadge closedLate={item.overdue === 'closed_late'} />}
                <span className="text-muted">{item.categoryName}</span>
              </p>
              <p className="mt-2 line-clamp-3 break-words">{item.description}</p>
              <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm text-muted sm:grid-cols-2 lg:grid-cols-4">
                <Pair label="地点">
                  {item.area ? `${item.area} · ` : ''}
                  {item.address}
                </Pair>
                <Pair label="责任单位">{item.unitName ?? '待交办'}</Pair>
                <Pair label="提交">{formatDay(item.createdAt)}</Pair>
                <Pair label={item.closedAt ? '销号' : '整改期限'}>{item.closedAt ? formatDay(item.closedAt) : item.deadlineAt ? formatDay(item.deadlineAt) : '—'}</Pair>
              </dl>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={cappedPageCount(result, LEDGER_PAGE_SIZE, page)} href={(p) => ledgerHref(parsed, p)} />
      {/* After the list: the items are the first links under /ledger/ (the input suites take their samples so). */}
      <p className="text-right text-sm">
        <a href="/ledger/feed.xml" className="text-muted underline hover:text-brand">
          RSS 订阅
        </a>
      </p>
    </div>
  );
}

function Pair({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-1">
      <dt className="shrink-0">{label}：</dt>
      <dd className="min-w-0 break-words text-ink">{children}</dd>
    </div>
  );
}

/** `count` is a number or, above the cap, "1000+". */
function StatusCount({ label, count, href, current }: { label: string; count: string; href: string; current: boolean }) {
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className={`flex flex-col rounded-lg border p-3 text-center shadow-sm ${current ? 'border-brand bg-brand text-on-brand' : 'border-line bg-white hover:border-brand'}`}>
      <span className="text-xl font-bold">{count}</span>
      <span className="text-sm">{label}</span>
    </Link>
  );
}
