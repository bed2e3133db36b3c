import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DoneNotice } from '../../../../_components/done-notice';
import { listOpenBatches } from '@/db/queries/people-admin/batches';
import { findPersonForEdit, personReviewParties, type PersonForEdit } from '@/db/queries/people-admin/people';
import { listReviewEvents } from '@/db/queries/workflow';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { approvalRefusal, availableActions, STATUS_LABELS, type WorkflowAction } from '@/lib/workflow';
import { can } from '@/lib/roles';
import { StatusBadge } from '../../news/status-badge';
import { ReviewHistory, ReviewReason } from '../../../../_components/review-history';
import { editRefusal, parseId } from '../access';
import { reviewGoodPerson } from '../actions';
import { PersonForm } from '../person-form';
import type { PersonFormValues } from '@/lib/person-input';
import { WorkflowForms } from '../review-forms';

export const metadata: Metadata = { title: '编辑人物' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Partial<Record<WorkflowAction, string>> = {
  submit: '已提交审核。',
  approve: '已审核通过并发布。',
  reject: '已退回修改，编辑将看到退回理由。',
  takeOffline: '已下线，公众页面不再显示此人物。',
};

function formValuesOf(p: PersonForEdit): PersonFormValues {
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    name: p.name,
    photo: s(p.photo),
    gender: s(p.gender),
    birthYear: s(p.birthYear),
    region: p.region,
    unit: s(p.unit),
    category: p.category,
    level: p.level,
    batchId: s(p.batchId),
    term: s(p.term),
    deed: p.deed,
    story: p.story,
    honors: p.honors,
  };
}

export default async function EditPersonPage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const user = await requirePageUser('content.edit', `/admin/good-people/${id}`);
  const db = await getDb();
  const person = await findPersonForEdit(db, id);
  if (!person) notFound();
  const query = await searchParams;
  const [batches, events] = await Promise.all([listOpenBatches(db), listReviewEvents(db, 'good_person', id)]);
  // The current batch stays selectable even when it is no longer open.
  const batchOptions = batches.map((b) => ({ id: b.id, title: b.title }));
  if (person.batchId && !batchOptions.some((b) => b.id === person.batchId)) batchOptions.unshift({ id: person.batchId, title: person.batchTitle ?? `榜单${person.batchId}` });
  const refusal = editRefusal(user, person.status);
  const ownWorkflow = person.batchId === null && person.level !== '身边好人';
  const actions = ownWorkflow ? availableActions(person.status, user.role).filter((a) => a !== 'forcePublish') : [];
  const refusedApproval = actions.includes('approve') ? approvalRefusal(user, await personReviewParties(db, { id, createdBy: person.createdBy, updatedBy: person.updatedBy })) : null;
  const done = typeof query.done === 'string' ? DONE[query.done as WorkflowAction] : undefined;

  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/good-people" className="hover:text-brand hover:underline">
          好人榜
        </Link>{' '}
        &rsaquo; 编辑人物
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">编辑人物：{person.name}</h1>
        <p className="flex items-center gap-1 text-sm">
          状态：
          <StatusBadge status={person.status} />
        </p>
        <p className="text-sm text-muted">
          版本 {person.version}，修改于 {formatDateTime(person.updatedAt)}；点赞 {person.likeCount}，浏览 {person.viewCount}
        </p>
      </div>
      {(done || query.created) && (
        <DoneNotice>{done ?? (query.from === 'recommendation' ? '已采纳推荐并生成人物草稿，请核实并补充信息。' : '人物草稿已创建。')}</DoneNotice>
      )}
      <ReviewReason events={events} status={person.status} />
      {person.batchId !== null && (
        <p role="note" className="rounded border border-line bg-white px-3 py-2 text-sm">
          此人属于
          <Link href={`/admin/good-people/batches/${person.batchId}`} className="mx-1 font-medium underline hover:text-brand">
            {person.batchTitle}
          </Link>
          （{person.batchStatus ? STATUS_LABELS[person.batchStatus] : ''}），随榜单一起提交审核和发布。
        </p>
      )}
      {refusal ? (
        <p role="note" className="rounded border border-line bg-white px-3 py-2 text-sm">
          {refusal}
        </p>
      ) : (
        <PersonForm personId={id} version={person.version} initial={formValuesOf(person)} batches={batchOptions} />
      )}
      {actions.length > 0 && (
        <section aria-labelledby="workflow-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="workflow-heading" className="font-bold">
            审核
          </h2>
          <p className="text-sm text-muted">审核操作针对已保存的版本 {person.version}；如刚修改了内容，请先保存。</p>
          <WorkflowForms
            action={reviewGoodPerson}
            hidden={{ id, version: person.version }}
            actions={actions}
            label="人物审核操作"
            approvalRefusal={refusedApproval}
            mayOverride={can(user.role, 'content.forcePublish')}
          />
        </section>
      )}
      <ReviewHistory events={events} />
    </div>
  );
}
