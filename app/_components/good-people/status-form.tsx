'use client';
// 推荐办理进度查询: receipt number and phone, both required; the answer shows the phone masked only.
import { Link } from '@/app/_components/page-link';
import { useActionState } from 'react';
import { statusLookupAction, type StatusState } from '@/app/(public)/good-people/actions';
import { useClientText } from '../client-text';
import { ReceiptLookupForm } from '../receipt-lookup';

const STATUS_LABELS = { pending: '待核实', accepted: '已采纳', rejected: '未采纳' } as const;

export function StatusForm({ receiptNo }: { receiptNo?: string }) {
  const [state, action] = useActionState<StatusState, FormData>(statusLookupAction, {});
  const result = state.result;
  const t = useClientText();
  return (
    <div className="space-y-6">
      <ReceiptLookupForm
        state={state}
        action={action}
        field="receiptNo"
        receiptNo={receiptNo}
        receiptHint="提交推荐时得到的回执号，如 TJ20261123-7KQ4M9"
        phoneLabel="推荐人电话"
        phoneHint="提交推荐时填写的电话"
      />
      {result && (
        <section aria-labelledby="status-result" className="rounded-lg border border-line p-4">
          <h2 id="status-result" className="mb-3 text-lg font-bold text-brand">
            {t('办理进度')}
          </h2>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted">{t('回执号')}</dt>
            <dd className="whitespace-nowrap font-mono">{result.receiptNo}</dd>
            <dt className="text-muted">{t('被推荐人')}</dt>
            <dd>
              {result.nomineeName}（{t(result.category)}）
            </dd>
            <dt className="text-muted">{t('提交时间')}</dt>
            <dd>{result.submittedAt}</dd>
            <dt className="text-muted">{t('推荐人电话')}</dt>
            <dd>{result.maskedPhone}</dd>
            <dt className="text-muted">{t('办理状态')}</dt>
            <dd className="font-bold">{t(STATUS_LABELS[result.status])}</dd>
            {result.status === 'rejected' && result.rejectReason && (
              <>
                <dt className="text-muted">{t('原因')}</dt>
                <dd>{result.rejectReason}</dd>
              </>
            )}
          </dl>
          {result.status === 'pending' && <p className="mt-3 text-sm text-muted">{t('工作人员正在核实推荐的事迹，请耐心等待。')}</p>}
          {result.status === 'accepted' &&
            (result.publicPersonId ? (
              <p className="mt-3 text-sm">
                <Link href={`/good-people/${result.publicPersonId}`} className="text-brand underline">
                  {t('查看')}
                  {result.nomineeName}
                  {t('的好人榜页面')}
                </Link>
              </p>
            ) : (
              <p className="mt-3 text-sm text-muted">{t('推荐已采纳，榜单发布后可在好人榜查看。')}</p>
            ))}
        </section>
      )}
    </div>
  );
}
