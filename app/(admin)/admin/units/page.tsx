import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listUnitsForAdmin } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { UNIT_KINDS } from '@/lib/enums';
import { AdminTable } from '../../../_components/admin-table';
import { LedgerNav } from '../ledger/ledger-nav';
import { UnitForm } from './unit-form';

export const metadata: Metadata = { title: '责任单位' };
export const dynamic = 'force-dynamic';

export default async function UnitsPage() {
  const user = await requirePageUser('units.manage', '/admin/units');
  const units = await listUnitsForAdmin(await getDb());
  const parents = units.map((u) => ({ value: String(u.id), label: u.name }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">责任单位</h1>
      <LedgerNav current="/admin/units" user={user} />
      <section aria-labelledby="new-unit" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-unit" className="mb-3 font-bold">
          新建单位
        </h2>
        <UnitForm unit={null} kinds={UNIT_KINDS} parents={parents} />
      </section>
      <section aria-labelledby="unit-list" className="space-y-3">
        <h2 id="unit-list" className="font-bold">
          全部单位（{units.length}）
        </h2>
        <AdminTable caption={`责任单位，共${units.length}个`} headers={['单位', '类型', '上级单位', '片区/网格', '经办人', '状态']} widthClass="min-w-[48rem]">
          {units.map((u) => (
            <tr key={u.id} className="border-b border-line align-top last:border-0">
              <td className="px-3 py-2">
                <Link href={`/admin/units/${u.id}`} className="font-medium hover:text-brand hover:underline">
                  {u.name}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{u.kind}</td>
              <td className="px-3 py-2">{u.parentName ?? '—'}</td>
              <td className="px-3 py-2">{u.areas.length === 0 ? '—' : u.areas.length > 3 ? `${u.areas.slice(0, 3).join('、')} 等${u.areas.length}个` : u.areas.join('、')}</td>
              <td className="px-3 py-2 tabular-nums">{u.handlers}</td>
              <td className="px-3 py-2 whitespace-nowrap">{u.active ? '启用' : <span className="text-brand">已停用</span>}</td>
            </tr>
          ))}
        </AdminTable>
      </section>
    </div>
  );
}
