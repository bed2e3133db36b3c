// The entries list's GET filters, shared by the list page and the export: parsed leniently (a bad value
// is ignored, never an error page).
import type { AdminCreditFilter, AdminEntryStatus } from '@/db/queries/credit-admin/entries';

export type CreditFilterValues = { list: string; category: string; batch: string; status: string; q: string };
export const CREDIT_FILTER_NAMES = ['list', 'category', 'batch', 'status', 'q'] as const;

const STATUSES: readonly AdminEntryStatus[] = ['public', 'expired', 'removed', 'revoked'];
const positive = (value: string) => (/^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

export function parseCreditFilter(get: (name: string) => string | null | undefined): { values: CreditFilterValues; filter: AdminCreditFilter } {
  const read = (name: string) => get(name) ?? '';
  const values = { list: read('list'), category: read('category'), batch: read('batch'), status: read('status'), q: read('q').replace(/\p{Cc}/gu, '').trim().slice(0, 60) };
  return {
    values,
    filter: {
      list: values.list === 'red' || values.list === 'black' ? values.list : undefined,
      categoryId: positive(values.category),
      batchId: positive(values.batch),
      status: (STATUSES as readonly string[]).includes(values.status) ? (values.status as AdminEntryStatus) : undefined,
      q: values.q || undefined,
    },
  };
}

/** Reads Next's searchParams object (a repeated parameter counts once). */
export function fromSearchParams(params: Record<string, string | string[] | undefined>) {
  return (name: string) => {
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/** "?list=black&q=食品" with only the filters in use, plus extra parameters (page, format). */
export function creditFilterQuery(values: Partial<CreditFilterValues>, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '' && !(key === 'page' && Number(value) <= 1)) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : '';
}
