import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listCategoriesForAdmin, listUnitOptions } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { LedgerNav } from '../ledger-nav';
import { CategoryForm } from './category-form';

export const metadata: Metadata = { title: '问题类别' };
export const dynamic = 'force-dynamic';

export default async function CategoriesPage() {
  const user = await requirePageUser('units.manage', '/admin/ledger/categories');
  const db = await getDb();
  const [categories, units] = await Promise.all([listCategoriesForAdmin(db), listUnitOptions(db)]);
  const unitOptions = units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">问题类别</h1>
      <LedgerNav current="/admin/ledger/categories" user={user} />
      <p className="text-sm text-muted">
        交办时按类别的默认责任单位和整改期限（工作日，按工作日历计算）预填；紧急问题按小时计算期限。“照片可公开”不勾选时，该类别的照片永远不会公开（如不文明行为：公开地点，不公开人）。
      </p>
      <ul className="space-y-3">
        {categories.map((c) => (
          <li key={c.id} className="rounded-lg bg-white p-4 shadow-sm">
            <CategoryForm category={c} units={unitOptions} />
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-category" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-category" className="mb-3 font-bold">
          新建类别
        </h2>
        <CategoryForm category={null} units={unitOptions} />
      </section>
    </div>
  );
}
