'use server';

// The working-day calendar (admins): one year's 法定节假日 and 调休 workdays replaced as a whole, audited
// with the days added and removed. Deadlines of later assignments and every 超期 badge follow it.
import { revalidatePath } from 'next/cache';
import { listCalendarYear, replaceCalendarYear } from '@/db/queries/ledger/staff-extra';
import { guardedAction } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { calendarFields, parseCalendarLines } from '@/lib/ledger-input';
import { calendarLinesText } from './calendar-lines';

export const saveCalendarYear = guardedAction(
  'units.manage',
  calendarFields,
  async (input, { db, user, invalid }) => {
    const parsed = parseCalendarLines(input.lines, input.year);
    if (!parsed.ok) return invalid({ lines: parsed.message });
    const changed = await db.transaction(async (tx) => {
      const before = await listCalendarYear(tx, input.year);
      const beforeText = calendarLinesText(before);
      const afterText = calendarLinesText(parsed.days);
      if (beforeText === afterText) return false;
      await replaceCalendarYear(tx, input.year, parsed.days);
      const lines = (days: readonly { date: string; kind: string; note: string | null }[], kind: string) => days.filter((d) => d.kind === kind).map((d) => (d.note ? `${d.date} ${d.note}` : d.date));
      await recordAudit(tx, user, {
        action: 'work_calendar.update',
        entityType: 'work_calendar',
        entityId: input.year,
        before: { holidays: lines(before, 'holiday'), workdays: lines(before, 'workday') },
        after: { holidays: lines(parsed.days, 'holiday'), workdays: lines(parsed.days, 'workday') },
        note: `${input.year}年：节假日 ${parsed.days.filter((d) => d.kind === 'holiday').length} 天，调休上班 ${parsed.days.filter((d) => d.kind === 'workday').length} 天`,
      });
      return true;
    });
    if (changed) {
      await invalidate(TAGS.ledger);
      revalidatePath('/admin/ledger/calendar');
    }
    return { ok: true };
  },
);
