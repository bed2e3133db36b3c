// Small pieces of the public ledger's pages: the status label, the red 超期 badge (computed by the query
// from the deadline and the calendar, never stored) and the rounded place.
import { ISSUE_STATUS_LABELS, type IssueStatus } from '@/lib/enums';

const STATUS_TONES: Partial<Record<IssueStatus, string>> = {
  closed: 'border-green-700 text-green-800',
  verifying: 'border-blue-700 text-blue-800',
  planned: 'border-amber-700 text-amber-800',
};

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-xs font-medium ${STATUS_TONES[status] ?? 'border-line text-ink'}`}>{ISSUE_STATUS_LABELS[status]}</span>;
}

/** 超期 (or 超期办结 for an item closed after its deadline). */
export function OverdueBadge({ closedLate = false }: { closedLate?: boolean }) {
  return <span className="inline-block whitespace-nowrap rounded bg-brand px-2 py-0.5 text-xs font-bold text-on-brand">{closedLate ? '超期办结' : '超期'}</span>;
}
