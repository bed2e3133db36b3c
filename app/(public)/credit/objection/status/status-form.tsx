'use client';

// Tracking number + phone -> the application's progress. One neutral message when the pair is wrong.
import { Link } from '@/app/_components/page-link';
import { useActionState } from 'react';
import { useClientText } from '../../../../_components/client-text';
import { FormMessage, SubmitButton, TextField } from '../../../../_components/form-fields';
import { formatDateTime } from '@/lib/dates';
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS } from '@/lib/objection-status';
import { lookupObjectionStatus, type StatusState } from '../actions';

export function StatusForm({ trackingNo }: { trackingNo?: string }) {
  const [state, action] = useActionState(lookupObjectionStatus, {} as StatusState);
  const progress = state.progress;
  const t = useClientText();
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="status-form-title" noValidate>
        <h2 id="status-form-title" className="text-lg font-bold">
          {t('输入受理编号和联系电话')}
        </h2>
        <TextField state={state} name="trackingNo" label="受理编号" required defaultValue={trackingNo} hint="提交申请后页面显示的编号，如 YS20261122-7KQ4M9" autoComplete="off" maxLength={60} />
        <TextField state={state} name="phone" label="联系电话" type="tel" required hint="提交申请时填写的联系电话" autoComplete="tel" maxLength={30} />
        <FormMessage state={state} />
        <SubmitButton pendingText="查询中…">查询进度</SubmitButton>
      </form>
      {progress && (
        <section aria-labelledby="progress-title" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="progress-title" className="text-lg font-bold">
            {t('办理进度')}
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">{t('受理编号')}</dt>
            <dd className="whitespace-nowrap font-mono">{progress.trackingNo}</dd>
            <dt className="text-muted">{t('申请类型')}</dt>
            <dd>{t(OBJECTION_KIND_LABELS[progress.kind])}</dd>
            <dt className="text-muted">{t('所涉信息')}</dt>
            <dd>
              {progress.entry.isPublic ? (
                <Link href={`/credit/${progress.entry.id}`} className="text-brand hover:underline">
                  {progress.entry.name}
                </Link>
              ) : (
                <>
                  {progress.entry.name}
                  <span className="text-sm text-muted">{t('（已不在公示中）')}</span>
                </>
              )}
              <span className="block text-sm text-muted">{progress.entry.category}</span>
            </dd>
            <dt className="text-muted">{t('提交时间')}</dt>
            <dd>{formatDateTime(new Date(progress.createdAt))}</dd>
            <dt className="text-muted">{t('当前状态')}</dt>
            <dd>
              <strong className="rounded bg-brand-soft px-2 py-0.5 text-brand" data-testid="objection-status">
                {t(OBJECTION_STATUS_LABELS[progress.status])}
              </strong>
            </dd>
          </dl>
          <h3 className="mt-4 font-bold">{t('办理记录')}</h3>
          <ol className="mt-2 space-y-3 border-l-2 border-line pl-4">
            {progress.events.map((event, i) => (
              <li key={i}>
                <p className="font-medium">{t(OBJECTION_STATUS_LABELS[event.toStatus])}</p>
                <p className="text-sm text-muted">{formatDateTime(new Date(event.at))}</p>
                {event.note && <p className="mt-1 text-sm whitespace-pre-line">{event.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
