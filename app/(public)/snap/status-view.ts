// What the reporter's look-up sends back to the browser: plain strings, the public history and the
// notes meant for the reporter. Never the phone (the reporter typed it) or staff's internal notes.
import type { SnapStatus } from '@/db/queries/ledger/ledger';
import { formatDateTime, formatDay } from '@/lib/dates';
import { ISSUE_STATUS_LABELS, type IssueStatus, type Rating } from '@/lib/enums';
import { ratingDeadline } from '@/lib/ledger-workflow';
import { timelineSteps } from '../ledger/timeline-steps';
import { sealRatingToken } from './rating-token';
import type { TimelineStep } from '../ledger/timeline';

export type SnapStatusView = {
  no: string;
  status: IssueStatus;
  statusLabel: string;
  isPublic: boolean;
  overdue: 'overdue' | 'closed_late' | null;
  categoryName: string;
  place: string;
  description: string;
  unitName: string | null;
  submittedAt: string;
  deadline: string | null;
  closedAt: string | null;
  duplicateOfNo: string | null;
  rating: Rating | null;
  canRate: boolean;
  rateUntil: string | null;
  /** The rating form's sealed number and phone (rating-token.ts), while the rating is open. */
  rateToken: string | null;
  steps: TimelineStep[];
};

/**
 * `phone`: the one the reporter typed (sealed into the rating form's token, never sent readable). `now`:
 * whether the rating is still open (lib/ledger-workflow checks again when it is sent).
 */
export async function statusView(found: SnapStatus, phone: string, now: Date = new Date()): Promise<SnapStatusView> {
  const until = found.closedAt ? ratingDeadline(found.closedAt) : null;
  const rated = Boolean(found.ratedAt && found.closedAt && found.ratedAt >= found.closedAt);
  const canRate = found.status === 'closed' && until !== null && now <= until && !rated;
  return {
    no: found.no,
    status: found.status,
    statusLabel: ISSUE_STATUS_LABELS[found.status],
    isPublic: found.isPublic,
    overdue: found.overdue,
    categoryName: found.categoryName,
    place: [found.area, found.address].filter(Boolean).join(' · '),
    description: found.description,
    unitName: found.unitName,
    submittedAt: formatDateTime(found.createdAt),
    deadline: found.deadlineAt ? formatDateTime(found.deadlineAt) : null,
    closedAt: found.closedAt ? formatDay(found.closedAt) : null,
    duplicateOfNo: found.duplicateOfNo,
    rating: found.rating,
    canRate,
    rateUntil: until ? formatDateTime(until) : null,
    rateToken: canRate ? await sealRatingToken(found.no, phone) : null,
    steps: timelineSteps(found.events),
  };
}
