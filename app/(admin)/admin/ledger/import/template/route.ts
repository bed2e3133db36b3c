// GET /admin/ledger/import/template: the 督查 import file's header, an example and the allowed values (note
// rows starting with #, skipped by the import), as a CSV that Excel opens correctly.
import { getDb } from '@/db/client';
import { listCategoryOptions } from '@/db/queries/ledger/staff-extra';
import { currentUser } from '@/server/auth';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { can } from '@/lib/roles';
import { inspectionTemplateRows } from '@/lib/ledger-import';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user || !can(user.role, 'ledger.enter')) return new Response('请先以编辑身份登录。', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const categories = await listCategoryOptions(await getDb());
  return new Response(CSV_BOM + inspectionTemplateRows(categories).map((cells) => csvRow(cells)).join(''), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="inspection-import-template.csv"; filename*=UTF-8''${encodeURIComponent('督查问题导入模板.csv')}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
