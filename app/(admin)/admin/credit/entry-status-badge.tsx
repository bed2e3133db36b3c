import { ENTRY_STATUS_LABELS, type AdminEntryStatus } from '@/db/queries/credit-admin/entries';

const TONES: Record<AdminEntryStatus, string> = {
  public: 'bg-green-100 text-green-900',
  expired: 'bg-canvas text-ink',
  removed: 'bg-amber-100 text-amber-900',
  revoked: 'bg-black-list text-white',
};

/** 公示中, 已到期, 已移出, 已撤销: always as words, never colour alone. */
export function EntryStatusBadge({ status }: { status: AdminEntryStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-sm whitespace-nowrap ${TONES[status]}`}>{ENTRY_STATUS_LABELS[status]}</span>;
}
