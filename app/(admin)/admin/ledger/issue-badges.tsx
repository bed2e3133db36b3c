// An item's status and its computed 超期 badge (red, in words, never colour alone), as every staff page shows them.
import { ISSUE_STATUS_LABELS, type IssueStatus } from '@/lib/enums';
import { overdueState, type DeadlineSnapshot } from '@/lib/ledger-workflow';

const TONES: Record<IssueStatus, string> = {
  pending: 'bg-amber-100 text-amber-900',
  accepted: 'bg-canvas text-ink',
  rejected: 'bg-canvas text-muted',
  duplicate: 'bg-canvas text-muted',
  assigned: 'bg-blue-50 text-blue-900',
  fixing: 'bg-blue-50 text-blue-900',
  planned: 'bg-blue-50 text-blue-900',
  verifying: 'bg-amber-100 text-amber-900',
  closed: 'bg-green-100 text-green-900',
};

export function IssueStatusBadge({ status }: { status: IssueStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm whitespace-nowrap ${TONES[status]}`}>{ISSUE_STATUS_LABELS[status]}</span>;
}

/** 超期 (open and past its deadline) or 逾期办结 (closed after it); nothing otherwise. */
export function OverdueBadge({ item, now }: { item: DeadlineSnapshot; now: Date }) {
  const state = overdueState(item, now);
  if (!state) return null;
  return state === 'overdue' ? (
    <span className="inline-block rounded bg-brand px-2 py-0.5 text-sm font-bold whitespace-nowrap text-white">超期</span>
  ) : (
    <span className="inline-block rounded border border-brand px-2 py-0.5 text-sm whitespace-nowrap text-brand">逾期办结</span>
  );
}
