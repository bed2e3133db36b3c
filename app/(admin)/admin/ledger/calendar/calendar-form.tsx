'use client';

// One year of the working-day calendar as lines of text: `2026-10-01 休 国庆节` (法定节假日) and
// `2026-10-10 班 国庆调休` (调休 workday). Weekends need no line; only exceptions are listed.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FieldShell, FormMessage, SubmitButton, inputClass } from '../../../../_components/form-fields';
import { saveCalendarYear } from './actions';

export function CalendarForm({ year, lines }: { year: number; lines: string }) {
  const [state, action] = useActionState(saveCalendarYear, {} as ActionState);
  return (
    <form action={action} aria-label={`${year}年工作日历`} className="space-y-3">
      <input type="hidden" name="year" value={year} />
      <FieldShell
        id="field-lines"
        label={`${year}年的节假日和调休上班日`}
        hint="每行一天：日期、“休”或“班”、可选的说明，例如“2026-10-01 休 国庆节”“2026-10-10 班 国庆调休”。周六、周日默认休息，不必列出；空行和以 # 开头的行忽略。"
        error={state.fieldErrors?.lines}
      >
        {(aria) => <textarea {...aria} name="lines" rows={16} defaultValue={state.values?.lines ?? lines} className={`${inputClass} font-mono`} />}
      </FieldShell>
      <SubmitButton>保存日历</SubmitButton>
      <FormMessage state={state} success="日历已保存。此后交办的问题按新日历计算期限，超期状态随之重新计算。" />
    </form>
  );
}
