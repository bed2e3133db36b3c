// The audit log: append-only (the database refuses UPDATE/DELETE), filtered and exported by admins.
import { and, count, desc, eq, gte, ilike, inArray, lt, type SQL } from 'drizzle-orm';
import type { AuditNames, AuditRefIds } from '@/lib/audit-labels';
import type { AuditRef } from '@/lib/domains';
import type { Db } from '../client';
import { auditLog, creditBatches, creditCategories, creditEntries, goodPeople, goodPeopleBatches, issueCategories, issues, mediaAssets, newsArticles, newsChannels, units, users } from '../schema';
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

const MAX_NAMES = 2000;

/**
 * The names of the records audit entries refer to (users, channels, batches, categories, articles, people,
 * entries, images), so the log reads 志愿服务 rather than 3. Only names are read (an entry's name, never its
 * ID number); ids that are no longer there are simply missing from the answer.
 */
export async function findAuditNames(db: Db, wanted: AuditRefIds): Promise<AuditNames> {
  const numbers = (ref: AuditRef) => [...new Set((wanted[ref] ?? []).filter((id) => /^\d{1,15}$/.test(id)).map(Number))].slice(0, MAX_NAMES);
  const texts = (ref: AuditRef) => [...new Set(wanted[ref] ?? [])].slice(0, MAX_NAMES);
  const lookups: { [R in AuditRef]: (ids: never[]) => Promise<{ key: string | number; name: string }[]> } = {
    user: (ids: number[]) => db.select({ key: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)),
    media: (ids: number[]) => db.select({ key: mediaAssets.id, name: mediaAssets.alt }).from(mediaAssets).where(inArray(mediaAssets.id, ids)),
    media_key: (ids: string[]) => db.select({ key: mediaAssets.storageKey, name: mediaAssets.alt }).from(mediaAssets).where(inArray(mediaAssets.storageKey, ids)),
    news_article: (ids: number[]) => db.select({ key: newsArticles.id, name: newsArticles.title }).from(newsArticles).where(inArray(newsArticles.id, ids)),
    news_channel: (ids: number[]) => db.select({ key: newsChannels.id, name: newsChannels.name }).from(newsChannels).where(inArray(newsChannels.id, ids)),
    good_person: (ids: number[]) => db.select({ key: goodPeople.id, name: goodPeople.name }).from(goodPeople).where(inArray(goodPeople.id, ids)),
    people_batch: (ids: number[]) => db.select({ key: goodPeopleBatches.id, name: goodPeopleBatches.title }).from(goodPeopleBatches).where(inArray(goodPeopleBatches.id, ids)),
    credit_category: (ids: number[]) => db.select({ key: creditCategories.id, name: creditCategories.name }).from(creditCategories).where(inArray(creditCategories.id, ids)),
    credit_batch: (ids: number[]) => db.select({ key: creditBatches.id, name: creditBatches.title }).from(creditBatches).where(inArray(creditBatches.id, ids)),
    credit_entry: (ids: number[]) => db.select({ key: creditEntries.id, name: creditEntries.name }).from(creditEntries).where(inArray(creditEntries.id, ids)),
    issue: (ids: number[]) => db.select({ key: issues.id, name: issues.no }).from(issues).where(inArray(issues.id, ids)),
    unit: (ids: number[]) => db.select({ key: units.id, name: units.name }).from(units).where(inArray(units.id, ids)),
    issue_category: (ids: number[]) => db.select({ key: issueCategories.id, name: issueCategories.name }).from(issueCategories).where(inArray(issueCategories.id, ids)),
  };
  const names: AuditNames = {};
  await Promise.all(
    (Object.keys(wanted) as AuditRef[]).map(async (ref) => {
      const ids = ref === 'media_key' ? texts(ref) : numbers(ref);
      const rows = ids.length > 0 ? await lookups[ref](ids as never[]) : [];
      names[ref] = new Map(rows.map((r) => [String(r.key), r.name]));
    }),
  );
  return names;
}
