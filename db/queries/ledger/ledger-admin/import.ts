// Bulk import of inspection findings (督查): all rows in one transaction, ~500 per statement; findings
// already in the ledger (same document number, place and description) are skipped, so importing a file
// twice adds nothing. Rows become 已受理 items, or 已交办 with a deadline when the file names the unit.
import { and, inArray, sql } from 'drizzle-orm';
import { cityDay } from '@/lib/dates';
import { findingKey, type InspectionFinding } from '@/lib/ledger-import';
import { formatIssueNo, parseIssueNo } from '@/lib/ledger-number';
import { addWorkingDays } from '@/lib/work-calendar';
import type { Db } from '../../../client';
import { issueCategories, issues } from '../../../schema';
import { loadCalendar } from '../deadlines';

const CHUNK = 500;

/** Which findings are already in the ledger, by findingKey (asked per document number, in chunks). */
export async function findExistingFindings(db: Db, findings: readonly InspectionFinding[]): Promise<Set<string>> {
  const found = new Set<string>();
  const wanted = new Set(findings.map(findingKey));
  const documents = [...new Set(findings.map((f) => f.documentNo))];
  for (let i = 0; i < documents.length; i += CHUNK) {
    const rows = await db
      .select({ documentNo: issues.documentNo, address: issues.address, description: issues.description })
      .from(issues)
      .where(and(inArray(issues.documentNo, documents.slice(i, i + CHUNK))));
    for (const r of rows) {
      const key = findingKey({ documentNo: r.documentNo ?? '', address: r.address, description: r.description });
      if (wanted.has(key)) found.add(key);
    }
  }
  return found;
}

export type InspectionImportResult = { inserted: number; existing: number; nos: string[] };

/**
 * Imports checked findings for `actor` (source 督查). `audit` writes the audit row inside the transaction.
 */
export async function importInspectionFindings(
  db: Db,
  actor: { id: number },
  findings: readonly InspectionFinding[],
  audit?: (tx: Db, result: InspectionImportResult) => Promise<void>,
  now: Date = new Date(),
): Promise<InspectionImportResult> {
  const calendar = await loadCalendar(db);
  return db.transaction(async (tx) => {
    const existing = await findExistingFindings(tx, findings);
    const fresh = findings.filter((f) => {
      const key = findingKey(f);
      if (existing.has(key)) return false;
      existing.add(key);
      return true;
    });
    const categories = new Map((await tx.select({ id: issueCategories.id, deadlineDays: issueCategories.deadlineDays }).from(issueCategories)).map((c) => [c.id, c.deadlineDays]));
    const year = Number(cityDay(now).slice(0, 4));
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('issue_no'))`);
    const [last] = await tx.select({ no: sql<string | null>`max(${issues.no})` }).from(issues).where(sql`${issues.no} like ${`ZG-${year}-%`}`);
    let seq = last?.no ? (parseIssueNo(last.no)?.seq ?? 0) : 0;
    const nos: string[] = [];
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const rows = fresh.slice(i, i + CHUNK).map((f) => {
        const no = formatIssueNo(year, ++seq);
        nos.push(no);
        const deadline = f.unitId ? addWorkingDays(now, categories.get(f.categoryId) ?? 5, calendar) : null;
        return { ...f, no, status: f.unitId ? 'assigned' : 'accepted', assignedAt: f.unitId ? now.toISOString() : null, deadlineAt: deadline?.toISOString() ?? null };
      });
      const inserted = await tx.execute<{ id: number; unit_id: number | null }>(sql`
        insert into issues (no, source, category_id, description, address, area, unit_id, document_no, status, assigned_at, unit_assigned_at, deadline_at, created_by, created_at, updated_at)
        select r."no", '督查', r."categoryId", r."description", r."address", r."area", r."unitId", r."documentNo", r."status"::issue_status,
          r."assignedAt", r."assignedAt", r."deadlineAt", ${actor.id}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("no" text, "categoryId" integer, "description" text, "address" text, "area" text,
          "unitId" integer, "documentNo" text, "status" text, "assignedAt" timestamptz, "deadlineAt" timestamptz)
        returning id, unit_id`);
      const events = inserted.rows.flatMap((r) => [
        { issueId: Number(r.id), kind: 'report', from: null, to: 'accepted', unitId: null, note: '督查发现' },
        ...(r.unit_id ? [{ issueId: Number(r.id), kind: 'assign', from: 'accepted', to: 'assigned', unitId: Number(r.unit_id), note: null }] : []),
      ]);
      await tx.execute(sql`
        insert into issue_events (issue_id, kind, from_status, to_status, actor_user_id, actor_unit_id, public_note, created_at)
        select e."issueId", e."kind"::issue_event_kind, e."from"::issue_status, e."to"::issue_status, ${actor.id}, e."unitId", e."note", ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e("issueId" bigint, "kind" text, "from" text, "to" text, "unitId" integer, "note" text)`);
    }
    const result = { inserted: fresh.length, existing: findings.length - fresh.length, nos };
    await audit?.(tx, result);
    return result;
  });
}
