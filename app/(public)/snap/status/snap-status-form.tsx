'use client';
// 随手拍办理进度查询: receipt number and phone; the answer is the item's whole history with the notes meant
// for the reporter, and within 7 days of closure the rating form (不满意 reopens the item). The phone is
// never sent back: the rating form carries it sealed (rating-token.ts). Both forms' states live here, so
// that without JavaScript the page after a rating (a new request) still shows the item, from its answer.
import { Link } from '@/app/_components/page-link';
import { useActionState } from 'react';
import { rateAction, snapStatusAction, type RateState, type SnapStatusState } from '../actions';
import type { SnapStatusView } from '../status-view';
import { useClientText } from '@/app/_components/client-text';
import { FormMessage, SubmitButton, TextAreaField } from '@/app/_components/form-fields';
import { ReceiptLookupForm } from '@/app/_components/receipt-lookup';
import { RATINGS } from '@/lib/enums';
import { Timeline } from '../../ledger/timeline';

export function SnapStatusForm({ no }: { no?: string }) {
  const [state, action] = useActionState<SnapStatusState, FormData>(snapStatusAction, {});
  const [rateState, rate] = useActionState<RateState, FormData>(rateAction, {});
  const result = (rateState.shownAt ?? 0) > (state.shownAt ?? 0) ? rateState.result : state.result;
  return (
    <div className="space-y-6">
      <ReceiptLookupForm
        state={state}
        action={action}
        field="no"
        receiptNo={no}
        receiptHint="提交问题时得到的回执号，如 ZG-2026-000123"
        phoneLabel="联系电话"
        phoneHint="提交问题时填写的电话"
      />
      {result ? (
        // The rating's messages belong to the answer it came with, not to a later look-up.
        <StatusResult key={`${result.no} ${result.status}`} result={result} rateState={result === rateState.result ? rateState : {}} rate={rate} />
      ) : (
        rateState.message && <FormMessage state={rateState} />
      )}
    </div>
  );
}

function StatusResult({ result, rateState, rate }: { result: SnapStatusView; rateState: RateState; rate: (formData: FormData) => void }) {
  const t = useClientText();
  return (
    <section aria-labelledby="status-result" className="space-y-4 rounded-lg border border-line p-4">
      <h2 id="status-result" className="text-lg font-bold text-brand">
        {t('办理进度')}
      </h2>
      <dl className="grid grid-cols-[6.5rem_1fr] gap-y-2 text-sm">
        <dt className="text-muted">{t('回执号')}</dt>
        <dd className="whitespace-nowrap font-mono">{result.no}</dd>
        <dt className="text-muted">{t('办理状态')}</dt>
        <dd className="flex flex-wrap items-center gap-2 font-bold">
          {t(result.statusLabel)}
          {result.overdue && <span className="rounded bg-brand px-2 py-0.5 text-xs text-on-brand">{t(result.overdue === 'closed_late' ? '超期办结' : '超期')}</span>}
        </dd>
        <dt className="text-muted">{t('问题类别')}</dt>
        <dd>{t(result.categoryName)}</dd>
        <dt className="text-muted">{t('地点')}</dt>
        <dd className="break-words">{result.place}</dd>
        <dt className="text-muted">{t('提交时间')}</dt>
        <dd>{result.submittedAt}</dd>
        {result.unitName && (
          <>
            <dt className="text-muted">{t('责任单位')}</dt>
            <dd>{result.unitName}</dd>
          </>
        )}
        {result.deadline && (
          <>
            <dt className="text-muted">{t('整改期限')}</dt>
            <dd>{result.deadline}</dd>
          </>
        )}
        {result.closedAt && (
          <>
            <dt className="text-muted">{t('销号日期')}</dt>
            <dd>{result.closedAt}</dd>
          </>
        )}
        {result.rating && (
          <>
            <dt className="text-muted">{t('您的评价')}</dt>
            <dd>{t(result.rating)}</dd>
          </>
        )}
      </dl>
      {result.status === 'pending' && <p className="text-sm text-muted">{t('工作人员正在审核，受理后问题会进入公开台账。')}</p>}
      {result.duplicateOfNo && (
        <p className="text-sm">
          {t('该问题与已有问题重复，将随原问题一并办理：')}
          <Link href={`/ledger/${result.duplicateOfNo}`} className="whitespace-nowrap font-mono text-brand underline">
            {result.duplicateOfNo}
          </Link>
        </p>
      )}
      {result.isPublic && (
        <p className="text-sm">
          <Link href={`/ledger/${result.no}`} className="text-brand underline">
            {t('查看台账公开页面')}
          </Link>
        </p>
      )}
      <div>
        <h3 className="mb-2 font-bold">{t('办理过程')}</h3>
        <Timeline steps={result.steps} />
      </div>
      {rateState.ok && rateState.rated ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t(rateState.reopened ? '评价已提交。您对办理结果不满意，问题已重新交回责任单位办理。' : '评价已提交，感谢您的反馈！')}
        </p>
      ) : (
        result.canRate && result.rateToken && <RateForm token={result.rateToken} until={result.rateUntil} state={rateState} action={rate} />
      )}
    </section>
  );
}

function RateForm({ token, until, state, action }: { token: string; until: string | null; state: RateState; action: (formData: FormData) => void }) {
  const t = useClientText();
  const chosen = state.values?.rating;
  return (
    <form action={action} className="space-y-3 rounded border border-brand p-4" aria-labelledby="rate-heading">
      <h3 id="rate-heading" className="font-bold">
        {t('评价办理结果')}
      </h3>
      <p className="text-sm text-muted">
        {t('请在')}
        {until}
        {t('前评价。选择“不满意”，问题会重新交回责任单位办理。')}
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <fieldset aria-describedby={state.fieldErrors?.rating ? 'field-rating-error' : undefined}>
        <legend className="text-sm font-medium">
          {t('评价')}
          <span aria-hidden="true" className="text-brand">
            {' '}
            *
          </span>
        </legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {RATINGS.map((r) => (
            <label key={r} className="flex items-center gap-2">
              <input type="radio" name="rating" value={r} defaultChecked={chosen === r} required className="size-4" />
              <span>{t(r)}</span>
            </label>
          ))}
        </div>
        {state.fieldErrors?.rating && (
          <p id="field-rating-error" className="mt-1 text-sm text-brand">
            {t(state.fieldErrors.rating)}
          </p>
        )}
      </fieldset>
      <TextAreaField state={state} name="comment" label="评价说明" hint="选填，不超过300个字；选择“不满意”时请说明原因" maxLength={1000} />
      <SubmitButton>提交评价</SubmitButton>
    </form>
  );
}
