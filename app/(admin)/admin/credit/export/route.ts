// GET /admin/credit/export?format=csv|xlsx&list=&category=&batch=&q=: the PUBLIC view of the lists
// (公示中 only, names and ID numbers masked exactly as the public pages show them), for staff; logged.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { iteratePublicCreditExport, type PublicExportFilter } from '@/db/queries/credit-admin/export';
import { recordAudit } from '@/server/audit';
import { currentUser } from '@/server/auth';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { cityDay } from '@/lib/dates';
import { can } from '@/lib/roles';
import { parseCreditFilter } from '../filters';
import { safeErrorSummary } from '@/lib/log-error';
import { CREDIT_LIST_SHORT_LABELS } from '@/lib/enums';

export const dynamic = 'force-dynamic';

const HEADER = ['名单', '类别', '主体类型', '名称', '统一社会信用代码', '身份证号（脱敏）', '法定代表人', '列入事由', '涉及金额（元）', '认定部门', '认定依据文号', '决定日期', '列入日期', '公示截止日期', '发布批次'];


function cells(row: { list: 'red' | 'black'; category: string; subjectKind: string; name: string; creditCode: string | null; idNumberMasked: string | null; legalRep: string | null; reason: string; amount: string | null; authority: string; basisDoc: string; decisionDate: string; listedDate: string; publicationEnd: string; batchTitle: string }): (string | null)[] {
  return [CREDIT_LIST_SHORT_LABELS[row.list], row.category, row.subjectKind, row.name, row.creditCode, row.idNumberMasked, row.legalRep, row.reason, row.amount, row.authority, row.basisDoc, row.decisionDate, row.listedDate, row.publicationEnd, row.batchTitle];
}

function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

function csvStream(batches: ReturnType<typeof iteratePublicCreditExport>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(HEADER)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map((row) => csvRow(cells(row))).join('')));
      } catch (error) {
        console.error(`credit export failed while streaming: ${safeErrorSummary(error)}`);
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** A streamed workbook: rows are written as they are read, so a large export never sits in memory. */
function xlsxStream(batches: ReturnType<typeof iteratePublicCreditExport>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('公示名单');
  void (async () => {
    try {
      sheet.addRow(HEADER).commit();
      for await (const rows of batches) for (const row of rows) sheet.addRow(cells(row)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      console.error(`credit export failed while streaming: ${safeErrorSummary(error)}`);
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export async function GET(request: NextRequest): Promise<Response> {
  const user = await currentUser();
  const search = request.nextUrl.searchParams;
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/admin/credit${request.nextUrl.search}`)}`);
  if (!can(user.role, 'content.edit')) return plainText(403, '您没有导出红黑榜的权限。');
  const format = search.get('format') === 'xlsx' ? 'xlsx' : 'csv';
  const { values, filter } = parseCreditFilter((name) => search.get(name));
  const exportFilter: PublicExportFilter = { list: filter.list, categoryId: filter.categoryId, batchId: filter.batchId, q: filter.q };
  const db = await getDb();
  const used = (['list', 'category', 'batch', 'q'] as const).filter((name) => values[name]).map((name) => `${name}=${values[name]}`);
  // Logged before the first byte leaves, so an export broken off half way is still on record.
  await recordAudit(db, user, { action: 'credit.export', entityType: 'credit_entry', note: `${format}; ${used.length ? used.join(' ') : 'no filters'}` });
  const batches = iteratePublicCreditExport(db, exportFilter);
  const name = `credit-public-${cityDay().replaceAll('-', '')}.${format}`;
  return new Response(format === 'xlsx' ? xlsxStream(batches) : csvStream(batches), {
    headers: {
      'Content-Type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
