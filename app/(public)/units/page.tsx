import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { listUnitsWithStats } from '@/db/queries/ledger/public-extra';
import { cityDay } from '@/lib/dates';
import { parsePeriod } from '@/lib/unit-stats';
import { Breadcrumb } from '../../_components/breadcrumb';
import { PageNotFound } from '../../_components/page-not-found';
import { PeriodForm, periodLabel, periodOptions, percent } from './unit-figures';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '责任单位整改情况 - 问题整改台账' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function UnitsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = (await searchParams).period;
  const period = (Array.isArray(raw) ? raw[0] : raw) || 'all';
  const today = cityDay();
  const range = parsePeriod(period);
  // A period the picker does not offer is a wrong link.
  if (range === undefined || !periodOptions(today).some((o) => o.value === period)) return <PageNotFound kind="page" />;
  const rows = await listUnitsWithStats(await getDb(), range);
  const label = periodLabel(period, today);
  const withItems = rows.filter((r) => r.stats.assigned > 0);
  const rate = (value: number | null) => percent(value) ?? <span className="text-muted">—</span>;
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/ledger', label: '问题整改台账' }, { label: '责任单位' }]} />
      <h1 className="text-2xl font-bold text-brand">责任单位整改情况</h1>
      <p className="text-muted">各责任单位承办问题的整改情况，按问题交办时间统计。比率在问题数达到10件后才显示，“—”表示样本不足。</p>
      <PeriodForm action="/units" period={period} today={today} />
      <section aria-labelledby="units-table-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="units-table-title" className="mb-3 text-lg font-bold">
          {label} · 共 {rows.length} 个责任单位{withItems.length < rows.length ? `（${withItems.length} 个有交办问题）` : ''}
        </h2>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="责任单位整改情况表（可横向滚动）">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">{label}各责任单位整改情况</caption>
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="py-2 pr-3 whitespace-nowrap">责任单位</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">交办</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">已销号</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">按期办结</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">当前超期</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">办结天数中位数</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">重办率</th>
                <th scope="col" className="px-2 text-right whitespace-nowrap">满意率</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} className="border-b border-line last:border-0">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">
                    <Link href={`/units/${u.id}${period !== 'all' ? `?period=${encodeURIComponent(period)}` : ''}`} className="text-brand underline-offset-2 hover:underline">
                      {u.name}
                    </Link>
                    <span className="ml-1 text-xs text-muted">{u.kind}</span>
                  </th>
                  <td className="px-2 text-right">{u.stats.assigned}</td>
                  <td className="px-2 text-right">{u.stats.closed}</td>
                  <td className="px-2 text-right">{u.stats.onTime}</td>
                  <td className={`px-2 text-right ${u.stats.overdueNow > 0 ? 'font-bold text-brand' : ''}`}>{u.stats.overdueNow}</td>
                  <td className="px-2 text-right">{u.stats.medianDaysToClose ?? <span className="text-muted">—</span>}</td>
                  <td className="px-2 text-right">{rate(u.stats.reopenRate)}</td>
                  <td className="px-2 text-right">{rate(u.stats.satisfaction)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
