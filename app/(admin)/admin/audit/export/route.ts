// GET /admin/audit/export: the filtered audit log as a CSV download, for admins; the export is logged too.
import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { findAuditNames, iterateAuditEntries } from '@/db/queries/audit';
import { auditRefsOf } from '@/lib/audit-labels';
import { recordAudit } from '@/server/audit';
import { currentUser } from '@/server/auth';
import { cityDay } from '@/lib/dates';
import { can } from '@/lib/roles';
import { FILTER_LABELS, FILTER_NAMES, parseAuditFilter } from '../filters';
import { auditCsvStream } from './audit-csv';

export const dynamic = 'force-dynamic';

function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function GET(request: NextRequest): Promise<Response> {
  const user = await currentUser();
  const search = request.nextUrl.searchParams;
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/admin/audit${request.nextUrl.search}`)}`);
  if (!can(user.role, 'audit.view')) return plainText(403, '您没有导出审计日志的权限。');

  const { values, filter, errors } = parseAuditFilter((name) => search.get(name));
  const problems = Object.entries(errors);
  if (problems.length > 0) return plainText(400, `筛选条件有误：${problems.map(([name, message]) => `${FILTER_LABELS[name as keyof typeof FILTER_LABELS]}：${message}`).join('；')}`);

  const db = await getDb();
  // Logged before the first byte leaves, so an export broken off half way is still on record.
  const used = FILTER_NAMES.filter((name) => values[name]).map((name) => `${name}=${values[name]}`);
  await recordAudit(db, user, { action: 'audit.export', entityType: 'audit_log', note: used.length ? `filters: ${used.join(' ')}` : 'no filters' });

  return new Response(auditCsvStream(iterateAuditEntries(db, filter), (rows) => findAuditNames(db, auditRefsOf(rows))), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${cityDay().replaceAll('-', '')}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
