// GET /admin/credit/import/template: the import file's header row as a CSV that Excel opens correctly.
import { currentUser } from '@/server/auth';
import { IMPORT_COLUMNS } from '@/lib/credit-import';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { can } from '@/lib/roles';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user || !can(user.role, 'content.edit')) return new Response('请先以编辑身份登录。', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(CSV_BOM + csvRow(IMPORT_COLUMNS.map((c) => c.header)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="credit-import-template.csv"; filename*=UTF-8''${encodeURIComponent('红黑榜导入模板.csv')}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
