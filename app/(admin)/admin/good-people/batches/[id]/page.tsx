import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DoneNotice } from '../../../../../_components/done-notice';
import { batchReviewParties, findBatch, listBatchPeople, listPeopleAddableTo } from '@/db/queries/people-admin/batches';
import { batchStats } from '@/db/queries/people-admin/statistics';
import { listReviewEvents } from '@/db/queries/workflow';
import { requirePageUser } from '@/server/auth';
import { cityDay, formatDateTime } from '@/lib/dates';
import { can } from '@/lib/roles';
import { approvalRefusal, availableActions, STATUS_LABELS, type WorkflowAction, EDITABLE_STATUSES } from '@/lib/workflow';
import { AdminTable } from '../../../../../_components/admin-table';
import { ReviewHistory, ReviewReason } from '../../../../../_components/review-history';
import { StatusBadge } from '../../../news/status-badge';
import { parseId } from '../../access';
import { BarChart } from '../../bar-chart';
import { WorkflowForms } from '../../review-forms';
import { reviewPeopleBatch } from '../actions';
import { AddPersonForm, BatchDetailsForm, RemovePersonForm } from '../batch-forms';

export const metadata: Metadata = { title: '月度榜单' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Partial<Record<WorkflowAction, string>> = {
  submit: '榜单及其人物已提交审核。',
  approve: '榜单已审核通过，榜单和其中的人物已同时发布。',
  reject: '榜单已退回修改，编辑将看到退回理由。',
  takeOffline: '榜单已下线，公众页面不再显示。',
};

export default async function BatchPage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requirePageUser('content.edit', `/admin/good-people/batches/${id}`);
  const db = await getDb();
  const batch = await findBatch(db, id);
  if (!batch) notFound();
  const query = await searchParams;
  const open = EDITABLE_STATUSES.includes(batch.status);
  const [people, addable, stats, events] = await Promise.all([listBatchPeople(db, id), open ? listPeopleAddableTo(db, id) : [], batchStats(db, id), listReviewEvents(db, 'people_batch', id)]);
  const actions = availableActions(batch.status, user.role).filter((a) => a !== 'forcePublish');
  const refusedApproval = actions.includes('approve') ? approvalRefusal(user, await batchReviewParties(db, id)) : null;
  const done = typeof query.done === 'string' ? DONE[query.done as WorkflowAction] : undefined;
  const today = cityDay();
  const voting = batch.votingStart && batch.votingEnd && batch.votingStart <= today && today <= batch.votingEnd;

  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/good-people" className="hover:text-brand hover:underline">
          好人榜
        </Link>{' '}
        &rsaquo;{' '}
        <Link href="/admin/good-people/batches" className="hover:text-brand hover:underline">
          月度榜单
        </Link>{' '}
        &rsaquo; {batch.month}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{batch.title}</h1>
        <p className="flex items-center gap-1 text-sm">
          状态：
          <StatusBadge status={batch.status} />
        </p>
        {batch.publishedAt && <p className="text-sm text-muted">发布于 {formatDateTime(batch.publishedAt)}</p>}
        {batch.status === 'published' && (
          <a href={`/good-people/batch/${batch.month}`} className="rounded border border-line bg-white px-3 py-1.5 text-sm hover:border-brand">
            查看公开页面
          </a>
        )}
      </div>
      {(done || query.created) && (
        <DoneNotice>{done ?? '榜单已创建。现在可以设置点赞评议时间并加入人物。'}</DoneNotice>
      )}
      <ReviewReason events={events} status={batch.status} />

      <section aria-labelledby="details-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="details-heading" className="mb-1 font-bold">
          榜单信息
        </h2>
        <p className="mb-3 text-sm text-muted">
          点赞评议期间，榜单中的人物作为候选人公开展示，市民可点赞和评论；票数仅供参考，由审核人员决定是否发布。{voting ? '目前正在点赞评议中。' : ''}
        </p>
        {open || can(user.role, 'content.review') ? (
          <BatchDetailsForm batch={{ id, version: batch.version, title: batch.title, votingStart: batch.votingStart, votingEnd: batch.votingEnd }} />
        ) : (
          <p className="text-sm">
            点赞评议：{batch.votingStart && batch.votingEnd ? `${batch.votingStart} 至 ${batch.votingEnd}` : '未设置'}（榜单{STATUS_LABELS[batch.status]}，编辑不能修改）
          </p>
        )}
      </section>

      <section aria-labelledby="people-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="people-heading" className="font-bold">
            榜单人物（{people.length}人）
          </h2>
          {open && (
            <Link href={`/admin/good-people/new?batch=${id}`} className="rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
              在此榜单新建人物
            </Link>
          )}
        </div>
        {people.length === 0 ? (
          <p className="text-sm text-muted">榜单中还没有人物。</p>
        ) : (
          <AdminTable caption={`${batch.title}的人物`} headers={['姓名', '类别', '级别', '状态', '点赞', '浏览', '操作']} widthClass="min-w-[36rem]">
            {people.map((p) => (
              <tr key={p.id} className="border-b border-line last:border-0">
                <td className="px-3 py-2">
                  <Link href={`/admin/good-people/${p.id}`} className="font-medium hover:text-brand hover:underline">
                    {p.name}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{p.category}</td>
                <td className="px-3 py-2 whitespace-nowrap">{p.level}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={p.status} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{p.likeCount}</td>
                <td className="px-3 py-2 text-right tabular-nums">{p.viewCount}</td>
                <td className="px-3 py-2">{open && EDITABLE_STATUSES.includes(p.status) ? <RemovePersonForm batchId={id} person={p} /> : '—'}</td>
              </tr>
            ))}
          </AdminTable>
        )}
        {open && <AddPersonForm batchId={id} people={addable} />}
      </section>

      {actions.length > 0 && (
        <section aria-labelledby="workflow-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="workflow-heading" className="font-bold">
            整榜审核
          </h2>
          <p className="text-sm text-muted">提交审核时，榜单和其中全部未发布的人物一起进入待审核；审核通过后，榜单和人物同时发布。</p>
          <WorkflowForms
            action={reviewPeopleBatch}
            hidden={{ id }}
            actions={actions}
            label="榜单审核操作"
            approvalRefusal={refusedApproval}
            mayOverride={can(user.role, 'content.forcePublish')}
          />
        </section>
      )}

      {stats && (
        <section aria-labelledby="stats-heading" className="space-y-4 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="stats-heading" className="font-bold">
            榜单统计
          </h2>
          <dl className="grid grid-cols-2 gap-3 text-center sm:grid-cols-4">
            {[
              ['本月收到推荐', stats.received],
              ['采纳进本榜', stats.accepted],
              ['点赞总数', stats.likes],
              ['浏览总数', stats.views],
            ].map(([label, n]) => (
              <div key={label} className="rounded bg-canvas p-2">
                <dt className="text-sm text-muted">{label}</dt>
                <dd className="text-2xl font-bold tabular-nums">{n}</dd>
              </div>
            ))}
          </dl>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <BarChart id="likes-chart" title="各人物点赞数" unit="点赞数" rows={stats.people.map((p) => ({ label: p.name, value: p.likeCount }))} />
            <BarChart id="views-chart" title="各人物浏览量" unit="浏览量" rows={[...stats.people].sort((a, b) => b.viewCount - a.viewCount).map((p) => ({ label: p.name, value: p.viewCount }))} />
          </div>
        </section>
      )}

      <ReviewHistory events={events} />
    </div>
  );
}
