// GET /admin/ledger/import/template: the 督查 import file's header, an example and the allowed values (note
// rows starting with #, skipped by the import), as a CSV that Excel opens correctly.
import { getDb } from '@/db/client';
import { listCategoryOptions } from '@/db/queries/ledger/staff-extra';
import { currentUser } from '@/server/auth';
import { importTemplateAnswer, importTemplateRefusal } from '@/server/import-files';
import { can } from '@/lib/roles';
import { inspectionTemplateRows } from '@/lib/ledger-import';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user || !can(user.role, 'ledger.enter')) return importTemplateRefusal();
  const categories = await listCategoryOptions(await getDb());
  return importTemplateAnswer(inspectionTemplateRows(categories), { ascii: 'inspection-import-template.csv', chinese: '督查问题导入模板.csv' });
}
