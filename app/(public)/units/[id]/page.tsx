import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { unitPublic } from '@/db/queries/ledger/ledger';
import { cityDay, formatDay } from '@/lib/dates';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { IssueStatusBadge, OverdueBadge } from '../../ledger/ledger-badges';
import { PageNotFound } from '../../../_components/page-not-found';
import { PeriodForm, periodLabel, periodOptions, UnitFigures } from '../unit-figures';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string, period: string) {
  // Only the periods the picker offers (unitPublic would take any well-formed one).
  if (!/^\d{1,9}$/.test(id) || !periodOptions(cityDay()).some((o) => o.value === period)) return null;
  return unitPublic(await getDb(), Number(id), period);
}

const periodOf = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw) || 'all';

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const unit = await load((await params).id, periodOf((await searchParams).period));
  return unit ? { title: `${unit.name} - 责任单位整改情况` } : { title: '页面不存在' };
}

export default async function UnitPage({ params, searchParams }: Props) {
  const { id } = await params;
  const period = periodOf((await searchParams).period);
  const unit = await load(id, period);
  if (!unit) return <PageNotFound kind="page" />;
  const today = cityDay();
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ href: '/ledger', label: '问题整改台账' }, { href: '/units', label: '责任单位' }, { label: unit.name }]} />
      <h1 className="text-2xl font-bold text-brand">{unit.name}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">单位类型</dt>
        <dd>{unit.kind}</dd>
        {unit.parentName && (
          <>
            <dt className="text-muted">上级单位</dt>
            <dd>{unit.parentName}</dd>
          </>
        )}
        {unit.areas.length > 0 && (
          <>
            <dt className="text-muted">负责片区</dt>
            <dd className="break-words">{unit.areas.join('、')}</dd>
          </>
        )}
      </dl>
      <PeriodForm action={`/units/${unit.id}`} period={period} today={today} />
      <section aria-labelledby="unit-figures" className="space-y-3">
        <h2 id="unit-figures" className="text-lg font-bold">
          {periodLabel(period, today)}整改情况
        </h2>
        <UnitFigures stats={unit.stats} />
      </section>
      {unit.recent.length > 0 && (
        <section aria-labelledby="unit-recent" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="unit-recent" className="mb-2 text-lg font-bold">
            最近交办的问题
          </h2>
          <ul className="divide-y divide-line">
            {unit.recent.map((item) => (
              <li key={item.no} className="py-2">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Link href={`/ledger/${item.no}`} className="whitespace-nowrap font-mono text-brand underline-offset-2 hover:underline">
                    {item.no}
                  </Link>
                  <IssueStatusBadge status={item.status} />
                  {item.overdue && <OverdueBadge closedLate={item.overdue === 'closed_late'} />}
                  <span className="text-muted">
                    {item.categoryName} · {formatDay(item.createdAt)}
                  </span>
                </p>
                <p className="mt-1 line-clamp-2 break-words text-sm">{item.description}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`/ledger?unit=${unit.id}`} className="text-brand underline">
          查看该单位承办的全部问题
        </Link>
        <Link href={`/ledger?unit=${unit.id}&overdue=1`} className="text-brand underline">
          查看该单位当前超期的问题
        </Link>
      </p>
    </div>
  );
}
