// The audit log as CSV: one header, one line per entry, streamed batch by batch.
import type { auditLog } from '@/db/schema';
import { actionLabel, entityLabel } from '@/lib/audit-labels';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { CITY_TIME_ZONE } from '@/lib/dates';
import { safeErrorSummary } from '@/lib/log-error';

type AuditRow = typeof auditLog.$inferSelect;

export const AUDIT_CSV_HEADER = ['时间', '操作人', 'IP', '操作', '对象类型', '对象ID', '变更前', '变更后', '备注'] as const;

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

export function auditCsvLine(row: AuditRow): string {
  return csvRow([
    formatAuditTime(row.at),
    row.actorName,
    row.ip,
    actionLabel(row.action),
    entityLabel(row.entityType),
    row.entityId,
    row.before,
    row.after,
    row.note,
  ]);
}

/** A byte stream of the whole CSV that reads the next batch only when the client takes the last one. */
export function auditCsvStream(batches: AsyncGenerator<AuditRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(auditCsvLine).join('')));
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
