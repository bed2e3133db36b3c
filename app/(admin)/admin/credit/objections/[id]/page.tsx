import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DoneNotice } from '../../../../../_components/done-notice';
import { entryDisplayStatus } from '@/db/queries/credit-admin/entries';
import { findObjectionForAdmin, listObjectionEvents } from '@/db/queries/credit-admin/objections';
import { listPrivateFiles } from '@/db/queries/private-files';
import { getSetting } from '@/db/queries/settings';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { availableObjectionActions, OUTCOME_LABELS, type ObjectionOutcome } from '@/lib/objection-workflow';
import { OBJECTION_KIND_LABELS, OBJECTION_STATUS_LABELS } from '@/lib/objection-status';
import { FlaggedWords, Highlighted } from '@/app/_components/sensitive-highlight';
import { EntryStatusBadge } from '../../entry-status-badge';
import { ObjectionForms } from '../objection-forms';
import { CREDIT_LIST_SHORT_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: '异议申请' };
export const dynamic = 'force-dynamic';

const DONE: Record<string, string> = {
  accept: '已受理，状态为“待核实”。',
  pass: '已核实通过。请选择处理结果并完成。',
  fail: '已核实未通过。',
  complete: '已完成。',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ObjectionPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const user = await requirePageUser('content.edit', `/admin/credit/objections/${id}`);
  const db = await getDb();
  const objection = await findObjectionForAdmin(db, id);
  if (!objection) notFound();
  const [events, files, words] = await Promise.all([listObjectionEvents(db, id), listPrivateFiles(db, objection.attachmentIds), getSetting(db, 'sensitiveWords')]);
  const { entry } = objection;
  const actions = availableObjectionActions(objection.status, user.role);
  const done = (await searchParams).done;
  const doneText = typeof done === 'string' ? DONE[done] : undefined;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/credit/objections" className="underline hover:text-brand">
          返回申请列表
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {OBJECTION_KIND_LABELS[objection.kind]} {objection.trackingNo}
        </h1>
        <span className="rounded bg-canvas px-2 py-0.5 text-sm">状态：{OBJECTION_STATUS_LABELS[objection.status]}</span>
      </div>
      {doneText ? (
        <DoneNotice>{doneText}</DoneNotice>
      ) : null}

      <section aria-labelledby="entry-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="entry-heading" className="font-bold">
          涉及条目
        </h2>
        <p className="flex flex-wrap items-center gap-2">
          <Link href={`/admin/credit/entries/${entry.id}`} className="font-medium underline hover:text-brand">
            {entry.name}
          </Link>
          <EntryStatusBadge status={entryDisplayStatus(entry.status, entry.publicationEnd)} />
        </p>
        <p className="text-sm text-muted">
          {CREDIT_LIST_SHORT_LABELS[entry.list]}·{entry.categoryName} · {entry.creditCode ?? entry.idNumberMasked ?? '—'} · 决定日期 {entry.decisionDate} · 公示至 {entry.publicationEnd}
        </p>
      </section>

      <section aria-labelledby="applicant-heading" className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="applicant-heading" className="font-bold">
          申请内容
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">申请人</dt>
          <dd>{objection.applicantName}</dd>
          <dt className="text-muted">联系电话（仅工作人员可见）</dt>
          <dd className="font-mono">{objection.applicantPhone}</dd>
          <dt className="text-muted">提交时间</dt>
          <dd>{formatDateTime(objection.createdAt)}</dd>
          {objection.outcome ? (
            <>
              <dt className="text-muted">处理结果</dt>
              <dd>{OUTCOME_LABELS[objection.outcome as ObjectionOutcome] ?? objection.outcome}</dd>
            </>
          ) : null}
        </dl>
        <FlaggedWords words={objection.flaggedWords} />
        <p className="rounded bg-canvas p-3">
          <Highlighted text={objection.explanation} words={[...new Set([...objection.flaggedWords, ...words])]} />
        </p>
        <h3 className="text-sm font-medium">附件</h3>
        {files.length === 0 ? (
          <p className="text-sm text-muted">无附件。</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/admin/files/${f.id}`} className="underline hover:text-brand" target="_blank" rel="noopener">
                  {f.originalName}（{f.format === 'pdf' ? 'PDF' : '图片'}，{Math.ceil(f.bytes / 1024)} KB）
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="steps-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="steps-heading" className="font-bold">
          办理
        </h2>
        <ObjectionForms
          objectionId={objection.id}
          status={objection.status}
          actions={actions}
          entryPublic={entry.status === 'public'}
          entry={{
            version: entry.version,
            name: entry.name,
            reason: entry.reason,
            amount: entry.amount ?? '',
            authority: entry.authority,
            basisDoc: entry.basisDoc,
            publicationEnd: entry.publicationEnd,
            publicationEndReason: entry.publicationEndReason ?? '',
          }}
        />
      </section>

      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className="text-lg font-bold">
          办理进度
        </h2>
        <ol className="space-y-2 border-l-2 border-line pl-4">
          {events.map((e) => (
            <li key={e.id}>
              <span className="text-sm text-muted">{formatDateTime(e.at)}</span> {e.actorName}：
              {e.fromStatus ? `${OBJECTION_STATUS_LABELS[e.fromStatus]} → ${OBJECTION_STATUS_LABELS[e.toStatus]}` : `提交申请（${OBJECTION_STATUS_LABELS[e.toStatus]}）`}
              {e.note ? <span className="block text-sm">意见：{e.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
