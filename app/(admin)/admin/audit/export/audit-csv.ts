// The audit log as CSV: one header, one line per entry, streamed batch by batch.
import type { auditLog } from '@/db/schema';
import { actionLabel, auditChanges, auditEntityText, auditNoteText, entityLabel, type AuditNames } from '@/lib/audit-labels';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { CITY_TIME_ZONE } from '@/lib/dates';
import { safeErrorSummary } from '@/lib/log-error';

type AuditRow = typeof auditLog.$inferSelect;

export const AUDIT_CSV_HEADER = ['时间', '操作人', 'IP', '操作', '对象类型', '对象ID', '对象', '变更前', '变更后', '备注'] as const;

const secondFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CITY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** 2026-03-01 08:30:05 in the city's time zone: an archive needs the seconds the page leaves out. */
export function formatAuditTime(at: Date): string {
  const p = Object.fromEntries(secondFormatter.formatToParts(at).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** One side of a change as `字段：值；字段：值`, in the page's words. */
function sideText(changes: ReturnType<typeof auditChanges>, side: 'before' | 'after'): string | null {
  const parts = changes.filter((c) => c[side] !== null).map((c) => `${c.label}：${c[side]}`);
  return parts.length > 0 ? parts.join('；') : null;
}

/** One entry as a CSV line, in Chinese as the page shows it (ids by `names`, codes by their names). */
export function auditCsvLine(row: AuditRow, names: AuditNames = {}): string {
  const changes = auditChanges(row, names);
  return csvRow([
    formatAuditTime(row.at),
    row.actorName,
    row.ip,
    actionLabel(row.action),
    entityLabel(row.entityType),
    row.entityId,
    row.entityId ? auditEntityText(row.entityType, row.entityId, names) : null,
    sideText(changes, 'before'),
    sideText(changes, 'after'),
    auditNoteText(row.note),
  ]);
}

/**
 * A byte stream of the whole CSV that reads the next batch only when the client takes the last one;
 * `namesOf` finds the names of the records each batch refers to.
 */
export function auditCsvStream(batches: AsyncGenerator<AuditRow[]>, namesOf: (rows: AuditRow[]) => Promise<AuditNames> = async () => ({})): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else {
          const names = await namesOf(next.value);
          controller.enqueue(encoder.encode(next.value.map((row) => auditCsvLine(row, names)).join('')));
        }
      } catch (error) {
        console.error(`audit export failed while streaming: ${safeErrorSummary(error)}`);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
