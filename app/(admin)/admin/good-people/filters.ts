// The people list's GET filters: parsed leniently (a bad value is ignored, never an error page).
import { contentStatus, goodPersonCategory, goodPersonLevel } from '@/db/schema';
import type { AdminPeopleFilter } from '@/db/queries/people-admin/people';

export type PeopleFilterValues = { batch: string; status: string; category: string; level: string; q: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined => (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function parsePeopleFilter(params: Record<string, string | string[] | undefined>): { values: PeopleFilterValues; filter: AdminPeopleFilter } {
  const values = {
    batch: first(params.batch),
    status: first(params.status),
    category: first(params.category),
    level: first(params.level),
    q: first(params.q).replace(/\p{Cc}/gu, '').trim().slice(0, 30),
  };
  const batchId = values.batch === 'none' ? 'none' : /^\d{1,9}$/.test(values.batch) && Number(values.batch) > 0 ? Number(values.batch) : undefined;
  return {
    values,
    filter: {
      batchId,
      status: oneOf(contentStatus.enumValues, values.status),
      category: oneOf(goodPersonCategory.enumValues, values.category),
      level: oneOf(goodPersonLevel.enumValues, values.level),
      q: values.q || undefined,
    },
  };
}

/** "?category=见义勇为&q=李" with only the filters in use (and a page when past the first). */
export function peopleFilterQuery(values: PeopleFilterValues, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}
