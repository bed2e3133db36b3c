// A unit's figures on /units and /units/[id], and the period picker (a plain GET form). Rates are shown
// only from MIN_ITEMS_FOR_RATES items up (lib/unit-stats.ts gives null below): a 100% of two items says nothing.
import { MIN_ITEMS_FOR_RATES, type UnitStats } from '@/lib/unit-stats';
import { inputClass } from '../../_components/form-fields';

export const PERIOD_PARAM_DEFAULT = 'all';

/** The periods offered: all time, this and last year, the quarters of this year so far, the last 12 months. */
export function periodOptions(today: string): { value: string; label: string }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const quarter = Math.floor((m - 1) / 3) + 1;
  const months = Array.from({ length: 12 }, (_, i) => {
    const total = y * 12 + (m - 1) - i;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    return { value: `${year}-${String(month).padStart(2, '0')}`, label: `${year}年${month}月` };
  });
  return [
    { value: 'all', label: '全部时间' },
    { value: String(y), label: `${y}年` },
    { value: String(y - 1), label: `${y - 1}年` },
    ...Array.from({ length: quarter }, (_, i) => ({ value: `${y}-Q${quarter - i}`, label: `${y}年第${quarter - i}季度` })),
    ...months,
  ];
}

export function periodLabel(period: string, today: string): string {
  return periodOptions(today).find((o) => o.value === period)?.label ?? '全部时间';
}

export function PeriodForm({ action, period, today }: { action: string; period: string; today: string }) {
  return (
    <form method="get" action={action} aria-label="选择统计时段" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
      <div>
        <label htmlFor="filter-period" className="block text-sm font-medium">
          统计时段（按交办时间）
        </label>
        <select id="filter-period" name="period" defaultValue={period} className={inputClass}>
          {periodOptions(today).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        查看
      </button>
    </form>
  );
}

const percent = (value: number | null) => (value === null ? null : `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** The rate, or why there is none. */
function Rate({ value }: { value: number | null }) {
  const shown = percent(value);
  return shown ? <>{shown}</> : <span className="text-muted">样本不足</span>;
}

/** The figures as a definition list (one unit's page). */
export function UnitFigures({ stats }: { stats: UnitStats }) {
  const items: [string, React.ReactNode][] = [
    ['交办问题', `${stats.assigned} 件`],
    ['已销号', `${stats.closed} 件`],
    ['按期办结', `${stats.onTime} 件`],
    ['当前超期', <span key="o" className={stats.overdueNow > 0 ? 'font-bold text-brand' : undefined}>{`${stats.overdueNow} 件`}</span>],
    ['办结用时中位数', stats.medianDaysToClose === null ? <span className="text-muted">暂无</span> : `${stats.medianDaysToClose} 天`],
    ['整改率', <Rate key="c" value={stats.closeRate} />],
    ['按期办结率', <Rate key="t" value={stats.onTimeRate} />],
    ['重办率', <Rate key="r" value={stats.reopenRate} />],
    ['满意率', <Rate key="s" value={stats.satisfaction} />],
  ];
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {items.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-line bg-white p-3">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="mt-1 text-xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">
        比率在相应问题数达到{MIN_ITEMS_FOR_RATES}件后才显示（满意率按已评价的问题计，目前{stats.rated}件）；重办率为被退回重办或因市民不满意重新打开的问题所占比例。
      </p>
    </>
  );
}

export { Rate, percent };
