import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DoneNotice } from '../../../../../_components/done-notice';
import { entryDisplayStatus, findCreditEntryForEdit, listCreditEntryHistory } from '@/db/queries/credit-admin/entries';
import { listCreditCategories } from '@/db/queries/credit-categories';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { can } from '@/lib/roles';
import { STATUS_LABELS } from '@/lib/workflow';
import { CreditEntryForm } from '../../entry-form';
import { EntryStatusBadge } from '../../entry-status-badge';
import { EntryStatusForms } from '../../entry-status-forms';
import { HistoryTable } from '../../history-table';
import { CREDIT_LIST_SHORT_LABELS } from '@/lib/enums';

export const metadata: Metadata = { title: '红黑榜条目' };
export const dynamic = 'force-dynamic';

const DONE: Record<string, string> = {
  created: '条目已保存。',
  saved: '修改已保存，变更已记入变更记录和审计日志。',
  removed: '条目已移出名单，公众页面不再显示。',
  revoked: '条目已撤销，公众页面不再显示。',
  public: '条目已恢复公示。',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CreditEntryPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const user = await requirePageUser('content.edit', `/admin/credit/entries/${id}`);
  const db = await getDb();
  const entry = await findCreditEntryForEdit(db, id);
  if (!entry) notFound();
  const [categories, history] = await Promise.all([listCreditCategories(db), listCreditEntryHistory(db, id)]);
  const done = (await searchParams).done;
  const doneText = typeof done === 'string' ? DONE[done] : undefined;
  const status = entryDisplayStatus(entry.status, entry.publicationEnd);
  const targets = entry.status === 'public' ? (['removed', 'revoked'] as const) : (['public'] as const);
  const isPublished = entry.batchStatus === 'published';

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/credit" className="underline hover:text-brand">
          返回条目列表
        </Link>
        {entry.batchId ? (
          <>
            {' · '}
            <Link href={`/admin/credit/batches/${entry.batchId}`} className="underline hover:text-brand">
              批次“{entry.batchTitle}”
            </Link>
          </>
        ) : null}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{entry.name}</h1>
        <EntryStatusBadge status={status} />
      </div>
      {doneText ? (
        <DoneNotice>{doneText}</DoneNotice>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg bg-white p-4 text-sm shadow-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">名单·类别</dt>
        <dd>
          {CREDIT_LIST_SHORT_LABELS[entry.list]}·{entry.categoryName}
        </dd>
        <dt className="text-muted">批次</dt>
        <dd>
          {entry.batchTitle ?? '—'}（{entry.batchStatus ? STATUS_LABELS[entry.batchStatus] : '—'}）
        </dd>
        <dt className="text-muted">公示期</dt>
        <dd>
          {entry.listedDate} 至 {entry.publicationEnd}
          {entry.publicationEndReason ? `（已调整：${entry.publicationEndReason}）` : ''}
        </dd>
        {entry.status !== 'public' ? (
          <>
            <dt className="text-muted">状态原因</dt>
            <dd>
              {entry.statusReason ?? '—'}
              {entry.statusChangedAt ? `（${formatDateTime(entry.statusChangedAt)}）` : ''}
            </dd>
          </>
        ) : null}
        <dt className="text-muted">版本</dt>
        <dd>{entry.version}</dd>
      </dl>

      <section aria-labelledby="edit-heading" className="space-y-2">
        <h2 id="edit-heading" className="text-lg font-bold">
          编辑条目
        </h2>
        {isPublished ? <p className="text-sm text-amber-900">该条目所在批次已发布：保存后公众页面立即更新，修改记入变更记录和审计日志。</p> : null}
        <CreditEntryForm
          categories={categories}
          mode={{ kind: 'edit', id: entry.id, version: entry.version }}
          initial={{
            categoryId: String(entry.categoryId),
            subjectKind: entry.subjectKind,
            name: entry.name,
            creditCode: entry.creditCode ?? '',
            legalRep: entry.legalRep ?? '',
            idNumber: entry.idNumber ?? '',
            reason: entry.reason,
            amount: entry.amount ?? '',
            authority: entry.authority,
            basisDoc: entry.basisDoc,
            decisionDate: entry.decisionDate,
            listedDate: entry.listedDate,
            publicationEnd: entry.publicationEnd,
            publicationEndReason: entry.publicationEndReason ?? '',
          }}
        />
      </section>

      <section aria-labelledby="status-heading" className="space-y-2">
        <h2 id="status-heading" className="text-lg font-bold">
          移出、撤销与恢复
        </h2>
        {can(user.role, 'content.review') ? (
          <EntryStatusForms id={entry.id} version={entry.version} targets={[...targets]} />
        ) : (
          <p className="text-sm text-muted">移出、撤销和恢复公示由审核人员操作。</p>
        )}
      </section>

      <section aria-labelledby="history-heading" className="space-y-2">
        <h2 id="history-heading" className="text-lg font-bold">
          变更记录
        </h2>
        <HistoryTable rows={history} categoryNames={new Map(categories.map((c) => [c.id, c.name]))} />
      </section>
    </div>
  );
}
