import type { ContentStatus } from '@/db/schema';
import { formatDateTime } from '@/lib/dates';
import { STATUS_LABELS } from '@/lib/workflow';

const TONES: Record<ContentStatus, string> = {
  draft: 'bg-canvas text-ink',
  pending: 'bg-amber-100 text-amber-900',
  published: 'bg-green-100 text-green-900',
  rejected: 'bg-brand-soft text-brand',
  offline: 'bg-black-list text-white',
};

/** 草稿, 待审核, 已发布 (or 定时发布 with its time), 已退回, 已下线: always as words, never colour alone. */
export function StatusBadge({ status, publishedAt, now = new Date() }: { status: ContentStatus; publishedAt?: Date | null; now?: Date }) {
  const scheduled = status === 'published' && publishedAt && publishedAt > now;
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm whitespace-nowrap ${TONES[status]}`}>
      {scheduled ? `定时发布（${formatDateTime(publishedAt)}）` : STATUS_LABELS[status]}
    </span>
  );
}
