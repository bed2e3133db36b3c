// An item's events as the timeline shows them (plain strings, so a server action can send them too).
import type { LedgerEvent, SnapStatusEvent } from '@/db/queries/ledger/ledger';
import { formatDateTime } from '@/lib/dates';
import { ISSUE_EVENT_LABELS } from '@/lib/enums';
import type { TimelineStep } from './timeline';

export function timelineSteps(events: readonly (LedgerEvent | SnapStatusEvent)[]): TimelineStep[] {
  return events.map((e) => ({
    label: ISSUE_EVENT_LABELS[e.kind],
    at: formatDateTime(e.at),
    unitName: e.unitName,
    publicNote: e.note,
    // Only the reporter's look-up reads events that carry it.
    ...('reporterNote' in e ? { reporterNote: e.reporterNote } : {}),
  }));
}
