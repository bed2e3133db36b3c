// The admin list's GET filters: parsed leniently (a bad value is ignored, never an error page).
import { contentStatus, type ContentStatus } from '@/db/schema';
import type { AdminNewsFilter } from '@/db/queries/news-admin';

export type NewsFilterValues = { channel: string; status: string; author: string; q: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const positive = (value: string) => (/^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

export function parseNewsFilter(params: Record<string, string | string[] | undefined>): { values: NewsFilterValues; filter: AdminNewsFilter } {
  const values = { channel: first(params.channel), status: first(params.status), author: first(params.author), q: first(params.q).replace(/\p{Cc}/gu, '').trim().slice(0, 60) };
  const status = (contentStatus.enumValues as readonly string[]).includes(values.status) ? (values.status as ContentStatus) : undefined;
  return { values, filter: { channelId: positive(values.channel), status, authorId: positive(values.author), q: values.q || undefined } };
}

/** "?channel=2&q=志愿" with only the filters in use (and a page when past the first). */
export function newsFilterQuery(values: NewsFilterValues, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}
