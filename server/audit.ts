// The one way to write the audit log: who, when, from where, what, which record, changed fields.
import { headers } from 'next/headers';
import type { Db } from '@/db/client';
import { insertAuditEntry } from '@/db/queries/audit';
import { clientIp } from '@/lib/client-ip';

export type Actor = { id: number; displayName: string; username: string } | null;

// Never written to the log, whatever the caller passes: passwords, full ID numbers and phone numbers
// (recommenderPhone, applicantPhone...). Masked forms (idNumberMasked) are kept.
const SECRET_FIELD = /^(password|passwordHash|idNumber)$|phone/i;

function clean(values: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!values) return null;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[已隐藏]' : v]));
}

/** Only the fields whose values differ, so the log shows what changed. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}

async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await headers());
  } catch {
    return null; // outside a request (scripts)
  }
}

export async function recordAudit(
  db: Db,
  actor: Actor,
  entry: { action: string; entityType: string; entityId?: string | number | null; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null; note?: string | null; ip?: string | null; actorName?: string },
): Promise<void> {
  await insertAuditEntry(db, {
    actorId: actor?.id ?? null,
    actorName: entry.actorName ?? (actor ? `${actor.displayName}（${actor.username}）` : '系统'),
    ip: entry.ip !== undefined ? entry.ip : await requestIp(),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: clean(entry.before),
    after: clean(entry.after),
    note: entry.note ?? null,
  });
}
