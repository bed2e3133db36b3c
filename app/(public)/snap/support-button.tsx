'use client';
// 我也遇到: one support per browser for an open item, instead of a duplicate report. A form of its own, so
// it works without JavaScript too (the page comes back with the answer).
import { useActionState } from 'react';
import { useClientText } from '@/app/_components/client-text';
import { SubmitButton } from '@/app/_components/form-fields';
import { supportAction, type SupportState } from './actions';

export function SupportButton({ no, supports }: { no: string; supports: number }) {
  const [state, action] = useActionState<SupportState, FormData>(supportAction, {});
  const t = useClientText();
  const count = state.supports ?? supports;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3" aria-label={`${t('我也遇到')} ${no}`}>
      <input type="hidden" name="no" value={no} />
      {state.supported ? (
        <span className="rounded border border-green-700 px-3 py-1.5 text-sm text-green-800">{t('已点“我也遇到”')}</span>
      ) : (
        <SubmitButton tone="secondary" pendingText="提交中…">
          我也遇到
        </SubmitButton>
      )}
      <span className="text-sm text-muted">
        {count > 0 ? `${count} ${t('人也遇到')}` : t('还没有人点“我也遇到”')}
      </span>
      {state.message && (
        <p role={state.ok ? 'status' : 'alert'} className={`w-full text-sm ${state.ok ? 'text-green-800' : 'text-brand'}`}>
          {t(state.message)}
        </p>
      )}
    </form>
  );
}
