// GET /admin/credit/import/template: the import file's header row, an example row and the allowed 类别 and
// 主体类型 values (note rows starting with #, skipped by the import), as a CSV that Excel opens correctly.
import { getDb } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { currentUser } from '@/server/auth';
import { importTemplateRows } from '@/lib/credit-import';
import { CSV_BOM, csvRow } from '@/lib/csv';
import { can } from '@/lib/roles';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user || !can(user.role, 'content.edit')) return new Response('请先以编辑身份登录。', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const categories = await listCreditCategories(await getDb());
  return new Response(CSV_BOM + importTemplateRows(categories).map((cells) => csvRow(cells)).join(''), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="credit-import-template.csv"; filename*=UTF-8''${encodeURIComponent('红黑榜导入模板.csv')}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
