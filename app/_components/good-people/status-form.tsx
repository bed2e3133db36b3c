'use client';
// 推荐办理进度查询: receipt number and phone, both required; the answer shows the phone masked only.
import Link from 'next/link';
import { useActionState } from 'react';
import { statusLookupAction, type StatusState } from '@/app/(public)/good-people/actions';
import { FormMessage, SubmitButton, TextField } from '../form-fields';

const STATUS_LABELS = { pending: '待核实', accepted: '已采纳', rejected: '未采纳' } as const;

export function StatusForm() {
  const [state, action] = useActionState<StatusState, FormData>(statusLookupAction, {});
  const result = state.result;
  return (
    <div className="space-y-6">
      <form action={action} className="space-y-4" aria-label="查询办理进度">
        <FormMessage state={state} />
        <TextField state={state} name="receiptNo" label="回执号" required hint="提交推荐时得到的回执号，如 TJ20261123-7KQ4M9" autoComplete="off" />
        <TextField state={state} name="phone" label="推荐人电话" type="tel" required hint="提交推荐时填写的电话" autoComplete="tel" />
        <SubmitButton pendingText="查询中…">查询</SubmitButton>
      </form>
      {result && (
        <section aria-labelledby="status-result" className="rounded-lg border border-line p-4">
          <h2 id="status-result" className="mb-3 text-lg font-bold text-brand">
            办理进度
          </h2>
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-muted">回执号</dt>
            <dd className="font-mono">{result.receiptNo}</dd>
            <dt className="text-muted">被推荐人</dt>
            <dd>
              {result.nomineeName}（{result.category}）
            </dd>
            <dt className="text-muted">提交时间</dt>
            <dd>{result.submittedAt}</dd>
            <dt className="text-muted">推荐人电话</dt>
            <dd>{result.maskedPhone}</dd>
            <dt className="text-muted">办理状态</dt>
            <dd className="font-bold">{STATUS_LABELS[result.status]}</dd>
            {result.status === 'rejected' && result.rejectReason && (
              <>
                <dt className="text-muted">原因</dt>
                <dd>{result.rejectReason}</dd>
              </>
            )}
          </dl>
          {result.status === 'pending' && <p className="mt-3 text-sm text-muted">工作人员正在核实推荐的事迹，请耐心等待。</p>}
          {result.status === 'accepted' &&
            (result.publicPersonId ? (
              <p className="mt-3 text-sm">
                <Link href={`/good-people/${result.publicPersonId}`} className="text-brand underline">
                  查看{result.nomineeName}的好人榜页面
                </Link>
              </p>
            ) : (
              <p className="mt-3 text-sm text-muted">推荐已采纳，榜单发布后可在好人榜查看。</p>
            ))}
        </section>
      )}
    </div>
  );
}
