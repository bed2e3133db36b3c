// GET /admin/credit/import/template: the import file's header row, an example row and the allowed 类别 and
// 主体类型 values (note rows starting with #, skipped by the import), as a CSV that Excel opens correctly.
import { getDb } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { currentUser } from '@/server/auth';
import { importTemplateAnswer, importTemplateRefusal } from '@/server/import-files';
import { importTemplateRows } from '@/lib/credit-import';
import { can } from '@/lib/roles';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user || !can(user.role, 'content.edit')) return importTemplateRefusal();
  const categories = await listCreditCategories(await getDb());
  return importTemplateAnswer(importTemplateRows(categories), { ascii: 'credit-import-template.csv', chinese: '红黑榜导入模板.csv' });
}
