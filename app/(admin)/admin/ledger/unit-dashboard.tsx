// The 工作台 of a 单位经办人: their own unit's items by queue (to start, in progress, waiting for
// verification, overdue, due within 2 working days), each count opening the list.
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { loadCalendar } from '@/db/queries/ledger/deadlines';
import { findUnitForEdit, staffQueueCounts, UNIT_QUEUES } from '@/db/queries/ledger/staff-extra';
import type { AuthUser } from '@/server/auth';
import { DUE_SOON_WORKING_DAYS } from '@/lib/ledger-workflow';
import { addWorkingDays } from '@/lib/work-calendar';
import { QUEUE_LABELS } from './filters';

export async function UnitDashboard({ user }: { user: AuthUser }) {
  const db = await getDb();
  const unitId = user.unitId ?? -1;
  const now = new Date();
  const [unit, days] = await Promise.all([findUnitForEdit(db, unitId), loadCalendar(db)]);
  const counts = await staffQueueCounts(db, { now, dueBy: addWorkingDays(now, DUE_SOON_WORKING_DAYS, days), unitId });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">工作台</h1>
      <p className="text-muted">
        您好，{user.displayName}。您是“{unit?.name ?? '未知单位'}”的单位经办人，只能查看和办理交办给本单位的问题。
      </p>
      <section aria-labelledby="unit-queues">
        <h2 id="unit-queues" className="mb-3 text-lg font-bold">
          本单位待办
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          {UNIT_QUEUES.map((q) => (
            <li key={q} className={`rounded-lg p-4 shadow-sm ${q === 'overdue' && counts[q] > 0 ? 'bg-brand-soft' : 'bg-white'}`}>
              <h3 className="font-bold">{QUEUE_LABELS[q]}</h3>
              <p className={`mt-2 text-2xl font-bold ${q === 'overdue' || q === 'due' ? 'text-brand' : ''}`}>
                <Link href={`/admin/ledger?queue=${q}`} className="underline-offset-4 hover:underline" aria-label={`本单位${QUEUE_LABELS[q]}的问题：${counts[q]}，查看列表`}>
                  {counts[q]}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
