// The staff list's GET filters: parsed leniently (a bad value is ignored, never an error page).
import { ALL_QUEUES, type StaffIssueFilter, type StaffQueue } from '@/db/queries/ledger/staff-extra';
import { ISSUE_SOURCES, ISSUE_STATUSES, type IssueSource, type IssueStatus } from '@/lib/enums';

export const LEDGER_FILTER_NAMES = ['queue', 'status', 'category', 'unit', 'area', 'source', 'overdue', 'q'] as const;
export type LedgerFilterValues = Record<(typeof LEDGER_FILTER_NAMES)[number], string>;

export const QUEUE_LABELS: Record<StaffQueue, string> = {
  review: '待审核',
  assign: '待交办',
  returned: '单位退回',
  verify: '待核验',
  overdue: '超期',
  due: '2个工作日内到期',
  toFix: '待整改',
  working: '整改中/纳入计划',
};

const positive = (value: string) => (/^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);
const oneOf = <T extends string>(list: readonly T[], value: string) => ((list as readonly string[]).includes(value) ? (value as T) : undefined);

export function parseLedgerFilter(params: Record<string, string | string[] | undefined>): { values: LedgerFilterValues; notice: { done: string; no: string }; filter: StaffIssueFilter } {
  const read = (name: string) => {
    const value = params[name];
    return ((Array.isArray(value) ? value[0] : value) ?? '').replace(/\p{Cc}/gu, '').trim().slice(0, 60);
  };
  const values = Object.fromEntries(LEDGER_FILTER_NAMES.map((n) => [n, read(n)])) as LedgerFilterValues;
  return {
    values,
    notice: { done: read('done'), no: read('no') },
    filter: {
      queue: oneOf<StaffQueue>(ALL_QUEUES, values.queue),
      status: oneOf<IssueStatus>(ISSUE_STATUSES, values.status),
      categoryId: positive(values.category),
      unitId: positive(values.unit),
      area: values.area || undefined,
      source: oneOf<IssueSource>(ISSUE_SOURCES, values.source),
      overdue: values.overdue === '1' || undefined,
      q: values.q || undefined,
    },
  };
}

/** "?queue=overdue&q=..." with only the filters in use, plus extra parameters (page). */
export function ledgerQuery(values: Partial<LedgerFilterValues>, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '' && !(key === 'page' && Number(value) <= 1)) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}
