// The review trail of a workflow item (news article, good person, people batch): the reviewer's latest
// reason while the item is sent back or offline, and the full list of review events, newest first.
import type { listReviewEvents } from '@/db/queries/workflow';
import type { ContentStatus } from '@/db/schema';
import { formatDateTime } from '@/lib/dates';
import { STATUS_LABELS } from '@/lib/workflow';

export type ReviewEvent = Awaited<ReturnType<typeof listReviewEvents>>[number];

/** Why the item was sent back or withdrawn: the latest event into its current status that gave a reason. */
export function ReviewReason({ events, status }: { events: readonly ReviewEvent[]; status: ContentStatus }) {
  const shown = status === 'rejected' || status === 'offline' ? ([...events].reverse().find((e) => e.toStatus === status && e.reason) ?? null) : null;
  if (!shown) return null;
  return (
    <section aria-label="审核意见" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm">
      <p className="font-medium text-brand">
        {shown.toStatus === 'rejected' ? '退回理由' : '下线理由'}：{shown.reason}
      </p>
      <p className="mt-1 text-muted">
        {shown.actorName}，{formatDateTime(shown.at)}
      </p>
    </section>
  );
}

/** The "审核记录" section. */
export function ReviewHistory({ events }: { events: readonly ReviewEvent[] }) {
  return (
    <section aria-labelledby="events-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="events-heading" className="mb-2 font-bold">
        审核记录
      </h2>
      {events.length === 0 ? (
        <p className="text-sm text-muted">还没有审核记录。</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {[...events].reverse().map((e) => (
            <li key={e.id}>
              <span className="text-muted">{formatDateTime(e.at)}</span> {e.actorName}：{e.fromStatus ? STATUS_LABELS[e.fromStatus] : '—'} → {STATUS_LABELS[e.toStatus]}
              {e.publishAt && `（定时 ${formatDateTime(e.publishAt)}）`}
              {e.reason && `，理由：${e.reason}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
