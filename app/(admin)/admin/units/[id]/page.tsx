import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findUnitForEdit, listUnitHandlers, listUnitsForAdmin } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { UNIT_KINDS } from '@/lib/enums';
import { DoneNotice } from '../../../../_components/done-notice';
import { UnitForm } from '../unit-form';

export const metadata: Metadata = { title: '编辑责任单位' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UnitPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  await requirePageUser('units.manage', `/admin/units/${id}`);
  const db = await getDb();
  const [unit, units, handlers] = await Promise.all([findUnitForEdit(db, id), listUnitsForAdmin(db), listUnitHandlers(db, id)]);
  if (!unit) notFound();
  const done = (await searchParams).done === 'created';
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/units" className="underline hover:text-brand">
          返回单位列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">编辑责任单位：{unit.name}</h1>
      {done ? <DoneNotice>单位已创建。可在下方为它添加经办人。</DoneNotice> : null}
      <section aria-labelledby="unit-edit" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="unit-edit" className="mb-3 font-bold">
          单位信息
        </h2>
        <UnitForm unit={unit} kinds={UNIT_KINDS} parents={units.map((u) => ({ value: String(u.id), label: u.name }))} />
      </section>
      <section aria-labelledby="unit-handlers" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="unit-handlers" className="font-bold">
          单位经办人（{handlers.length}）
        </h2>
        <p className="text-sm text-muted">
          经办人只能查看和办理本单位的问题，不能销号。
          <Link href={`/admin/users?unit=${unit.id}`} className="ml-1 underline hover:text-brand">
            新建经办人账号
          </Link>
        </p>
        {handlers.length === 0 ? (
          <p className="text-sm">该单位还没有经办人。</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {handlers.map((h) => (
              <li key={h.id}>
                {h.displayName}（<span className="font-mono">{h.username}</span>）{h.disabled ? <span className="ml-1 text-brand">已停用</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
