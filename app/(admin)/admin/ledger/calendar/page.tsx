import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listCalendarYear } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { cityDay } from '@/lib/dates';
import { LedgerNav } from '../ledger-nav';
import { CalendarForm } from './calendar-form';
import { calendarLinesText } from './calendar-lines';

export const metadata: Metadata = { title: '工作日历' };
export const dynamic = 'force-dynamic';

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const thisYear = Number(cityDay().slice(0, 4));
  const raw = (await searchParams).year;
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) && Math.abs(Number(raw) - thisYear) <= 5 ? Number(raw) : thisYear;
  const user = await requirePageUser('units.manage', `/admin/ledger/calendar${year === thisYear ? '' : `?year=${year}`}`);
  const days = await listCalendarYear(await getDb(), year);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">工作日历</h1>
      <LedgerNav current="/admin/ledger/calendar" user={user} />
      <nav aria-label="选择年份" className="flex flex-wrap gap-3 text-sm">
        {[thisYear - 1, thisYear, thisYear + 1].map((y) => (
          <Link key={y} href={`/admin/ledger/calendar?year=${y}`} aria-current={y === year ? 'page' : undefined} className={y === year ? 'font-bold' : 'underline hover:text-brand'}>
            {y}年
          </Link>
        ))}
      </nav>
      <section aria-labelledby="calendar-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="calendar-heading" className="font-bold">
          {year}年：节假日 {days.filter((d) => d.kind === 'holiday').length} 天，调休上班 {days.filter((d) => d.kind === 'workday').length} 天
        </h2>
        <p className="text-sm text-muted">整改期限按工作日计算：从交办次日起算，跳过周末和这里的节假日，调休上班日计为工作日。请在国务院办公厅公布次年放假安排后填写。</p>
        <CalendarForm key={year} year={year} lines={calendarLinesText(days)} />
      </section>
    </div>
  );
}
