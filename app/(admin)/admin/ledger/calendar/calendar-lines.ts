// The working-day calendar's text form, one exception per line: `2026-10-01 休 国庆节` / `2026-10-10 班`
// (lib/ledger-input.ts parseCalendarLines reads it back).
export function calendarLinesText(days: readonly { date: string; kind: 'holiday' | 'workday'; note: string | null }[]): string {
  return days.map((d) => `${d.date} ${d.kind === 'holiday' ? '休' : '班'}${d.note ? ` ${d.note}` : ''}`).join('\n');
}
