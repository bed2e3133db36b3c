// The audit log: append-only (the database refuses UPDATE/DELETE), filtered and exported by admins.
import { and, count, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog } from '../schema';
import { likeContains } from '@/lib/lookup-text';

export type AuditInsert = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: Db, entry: AuditInsert): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export type AuditFilter = { actor?: string; action?: string; entityType?: string; entityId?: string; from?: Date; to?: Date };

function where(filter: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.actor) parts.push(ilike(auditLog.actorName, likeContains(filter.actor)));
  if (filter.action) parts.push(eq(auditLog.action, filter.action));
  if (filter.entityType) parts.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) parts.push(eq(auditLog.entityId, filter.entityId));
  if (filter.from) parts.push(gte(auditLog.at, filter.from));
  if (filter.to) parts.push(lt(auditLog.at, filter.to));
  return parts.length ? and(...parts) : undefined;
}

export async function listAuditEntries(db: Db, filter: AuditFilter, page: number, pageSize: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where(filter))
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where(filter)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Rows for the CSV export, newest first, in pages so that a large log is not held in memory. */
export async function* iterateAuditEntries(db: Db, filter: AuditFilter, batchSize = 1000) {
  let before: number | null = null;
  for (;;) {
    const cond: SQL | undefined = before === null ? where(filter) : and(where(filter), lt(auditLog.id, before));
    const rows = await db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    before = rows[rows.length - 1]!.id;
  }
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
