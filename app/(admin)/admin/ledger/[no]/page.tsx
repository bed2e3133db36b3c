import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { loadCalendar } from '@/db/queries/ledger/deadlines';
import { itemForActor } from '@/db/queries/ledger/ledger-admin/items';
import { listUnitOptions } from '@/db/queries/ledger/staff-extra';
import { requirePageUser } from '@/server/auth';
import { FlaggedWords } from '@/app/_components/sensitive-highlight';
import { formatDateTime } from '@/lib/dates';
import { ISSUE_EVENT_LABELS, ISSUE_STATUS_LABELS } from '@/lib/enums';
import { normalizeIssueNo, parseIssueNo } from '@/lib/ledger-number';
import { decodeSegment } from '@/lib/routes';
import { availableIssueActions, effectiveDeadline, MAX_RETURNS, returnDeadline } from '@/lib/ledger-workflow';
import { can } from '@/lib/roles';
import { addWorkingDays, addWorkingHours } from '@/lib/work-calendar';
import { mediaUrl } from '@/lib/media-url';
import { DoneNotice } from '../../../../_components/done-notice';
import { IssueStatusBadge, OverdueBadge } from '../issue-badges';
import { PublishPhotoForm } from './publish-photo-form';
import { TransitionForms } from './transition-forms';

export const metadata: Metadata = { title: '问题详情' };
export const dynamic = 'force-dynamic';

const DONE: Record<string, string> = {
  created: '问题已录入，状态为“已受理”，可以交办。',
  accept: '已受理。下一步：交办给责任单位。',
  reject: '已不予受理，理由已告知反映人。',
  duplicate: '已标记为重复问题。',
  assign: '已交办，期限已按工作日历计算。',
  return: '已退回改派，等待创城办重新交办。',
  start: '已开始整改。',
  plan: '已纳入计划，计划完成日期已公开。',
  submit: '已提交核验，等待创城办核验销号。',
  close: '已销号。反映人可在7天内评价。',
  redo: '已退回重办，问题回到责任单位。',
  publish: '照片的公开副本已发布。',
};

type Props = { params: Promise<{ no: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IssuePage({ params, searchParams }: Props) {
  const decoded = decodeSegment((await params).no);
  if (decoded === null) notFound();
  const no = normalizeIssueNo(decoded);
  if (!parseIssueNo(no)) notFound();
  const user = await requirePageUser('ledger.view', `/admin/ledger/${no}`);
  const db = await getDb();
  // A unit handler never learns that another unit's item exists: null, as for a number that does not exist.
  const item = await itemForActor(db, no, user);
  if (!item) notFound();
  const { events, photos } = item;
  const unitHandler = can(user.role, 'ledger.unit');
  const manage = can(user.role, 'ledger.manage');
  const now = new Date();
  const [days, units] = await Promise.all([loadCalendar(db), manage ? listUnitOptions(db) : Promise.resolve([])]);
  const actions = availableIssueActions(item, { role: user.role, unitId: user.unitId }, now, days);
  const deadline = effectiveDeadline(item);
  const done = (await searchParams).done;
  const doneText = typeof done === 'string' ? DONE[done] : undefined;
  // The unit's own notes they wrote before: a repeated (copy-paste) submission is flagged on the event.
  const mayReturnUntil = item.status === 'assigned' && item.assignedAt && item.returnCount < MAX_RETURNS ? returnDeadline(item.assignedAt, days) : null;

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/ledger" className="underline hover:text-brand">
          返回问题列表
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-bold">
          问题 <span className="font-mono">{item.no}</span>
        </h1>
        <IssueStatusBadge status={item.status} />
        <OverdueBadge item={item} now={now} />
        {item.urgent ? <span className="rounded bg-brand-soft px-2 py-0.5 text-sm text-brand">紧急</span> : null}
      </div>
      {doneText ? <DoneNotice>{doneText}</DoneNotice> : null}

      <section aria-labelledby="item-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="item-heading" className="font-bold">
          问题内容
        </h2>
        <FlaggedWords words={item.flaggedWords} />
        <p className="rounded bg-canvas p-3 whitespace-pre-wrap">{item.description}</p>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">类别</dt>
          <dd>
            {item.categoryName}
            {item.photosPublic ? null : <span className="ml-2 text-xs text-muted">（该类别照片不公开）</span>}
          </dd>
          <dt className="text-muted">来源</dt>
          <dd>
            {item.source}
            {item.documentNo ? `（督查文号：${item.documentNo}）` : null}
          </dd>
          <dt className="text-muted">地点</dt>
          <dd>
            {item.address}
            {item.area ? `（${item.area}）` : null}
            {item.lat !== null && item.lng !== null && !unitHandler ? <span className="ml-2 font-mono text-xs text-muted">精确位置 {item.lat.toFixed(5)}, {item.lng.toFixed(5)}（不公开）</span> : null}
          </dd>
          {manage && item.source === '随手拍' ? (
            <>
              <dt className="text-muted">反映人（仅工作人员可见）</dt>
              <dd>
                {item.reporterName || '未留姓名'}
                {item.reporterName ? (item.reporterNamePublic ? '（同意公开姓名）' : '（姓名不公开）') : null}
                {item.reporterPhone ? <span className="ml-2 font-mono">{item.reporterPhone}</span> : null}
              </dd>
            </>
          ) : null}
          <dt className="text-muted">提交时间</dt>
          <dd>{formatDateTime(item.createdAt)}</dd>
          {item.supports > 0 ? (
            <>
              <dt className="text-muted">我也遇到</dt>
              <dd>{item.supports} 人</dd>
            </>
          ) : null}
          {item.duplicateOfNo ? (
            <>
              <dt className="text-muted">重复于</dt>
              <dd>
                <Link href={`/admin/ledger/${item.duplicateOfNo}`} className="font-mono underline hover:text-brand">
                  {item.duplicateOfNo}
                </Link>
              </dd>
            </>
          ) : null}
          <dt className="text-muted">责任单位</dt>
          <dd>{item.unitName ?? '未交办'}</dd>
          {item.assignedAt ? (
            <>
              <dt className="text-muted">交办时间</dt>
              <dd>{formatDateTime(item.assignedAt)}</dd>
            </>
          ) : null}
          {deadline ? (
            <>
              <dt className="text-muted">整改期限</dt>
              <dd>
                {formatDateTime(deadline)}
                {item.plannedDate ? `（纳入计划，计划 ${item.plannedDate} 完成）` : null}
              </dd>
            </>
          ) : null}
          {mayReturnUntil ? (
            <>
              <dt className="text-muted">可退回改派至</dt>
              <dd>
                {formatDateTime(mayReturnUntil)}（已退回 {item.returnCount} 次，最多 {MAX_RETURNS} 次）
              </dd>
            </>
          ) : item.returnCount > 0 ? (
            <>
              <dt className="text-muted">退回次数</dt>
              <dd>
                {item.returnCount} 次{item.returnCount >= MAX_RETURNS ? '（交办为最终交办，不能再退回）' : null}
              </dd>
            </>
          ) : null}
          {item.reopenCount > 0 ? (
            <>
              <dt className="text-muted">重新打开</dt>
              <dd>{item.reopenCount} 次</dd>
            </>
          ) : null}
          {item.closedAt ? (
            <>
              <dt className="text-muted">销号时间</dt>
              <dd>{formatDateTime(item.closedAt)}</dd>
            </>
          ) : null}
          {item.rating ? (
            <>
              <dt className="text-muted">反映人评价</dt>
              <dd>
                {item.rating}
                {item.ratingComment ? `：${item.ratingComment}` : null}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="photos-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="photos-heading" className="font-bold">
          照片
        </h2>
        <p className="text-sm text-muted">原图只有工作人员可见。{item.photosPublic ? '公开前可模糊人脸、车牌等区域，公开的是处理后的副本（不含拍摄信息）。' : '该类别的照片永远不公开（公开地点，不公开人）。'}</p>
        {photos.length === 0 ? (
          <p className="text-sm">没有照片。</p>
        ) : (
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {photos.map((p, i) => (
              <li key={p.id} className="space-y-2 rounded border border-line p-3">
                <p className="text-sm font-medium">
                  {p.stage === 'before' ? '问题照片' : '整改后照片'} {i + 1}
                  {p.publicMediaKey ? <span className="ml-2 rounded bg-green-100 px-2 text-green-900">已公开副本</span> : <span className="ml-2 rounded bg-canvas px-2">未公开</span>}
                </p>
                {p.duplicateOfNo ? (
                  <p role="note" className="rounded border border-amber-600 bg-amber-50 px-2 py-1 text-sm text-amber-900">
                    疑似重复照片：与问题{' '}
                    <Link href={`/admin/ledger/${p.duplicateOfNo}`} className="font-mono underline">
                      {p.duplicateOfNo}
                    </Link>{' '}
                    的照片相同或极为相似
                  </p>
                ) : null}
                {manage && item.photosPublic && !p.publicMediaKey ? (
                  <PublishPhotoForm photoId={p.id} no={item.no} src={`/admin/ledger/photos/${p.id}`} alt={`${p.stage === 'before' ? '问题照片' : '整改后照片'} ${i + 1}（原图）`} />
                ) : (
                  <>
                    {/* eslint-disable-next-line @next/next/no-img-element -- a private original served by the admin route */}
                    <img src={`/admin/ledger/photos/${p.id}`} alt={`${p.stage === 'before' ? '问题照片' : '整改后照片'} ${i + 1}（原图）`} loading="lazy" className="max-h-80 max-w-full" />
                    {p.publicMediaKey ? (
                      <a href={mediaUrl(p.publicMediaKey, 800)} className="text-sm underline hover:text-brand" target="_blank" rel="noopener">
                        查看公开副本
                      </a>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="steps-heading" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="steps-heading" className="font-bold">
          办理
        </h2>
        <TransitionForms
          no={item.no}
          actions={actions}
          assign={{
            units: units.map((u) => ({ value: String(u.id), label: u.name })),
            defaultUnitId: item.proposedUnitId,
            deadlineText: `按类别期限${item.deadlineDays}个工作日，现在交办则截止于 ${formatDateTime(addWorkingDays(now, item.deadlineDays, days))}`,
            urgentText: `紧急：${item.urgentHours}小时（工作时间），截止于 ${formatDateTime(addWorkingHours(now, item.urgentHours, days))}`,
          }}
        />
      </section>

      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className="text-lg font-bold">
          办理过程
        </h2>
        <ol className="space-y-3 border-l-2 border-line pl-4">
          {events.map((e) => (
            <li key={e.id} className="text-sm">
              <p>
                <span className="text-muted">{formatDateTime(e.at)}</span> <strong>{ISSUE_EVENT_LABELS[e.kind]}</strong>
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus ? `（${ISSUE_STATUS_LABELS[e.fromStatus]} → ${ISSUE_STATUS_LABELS[e.toStatus]}）` : null}
                {' · '}
                {e.actorName ?? (e.kind === 'report' || e.kind === 'rate' || e.kind === 'reopen' ? '反映人' : '系统')}
                {e.unitName ? (e.kind === 'assign' ? ` → ${e.unitName}` : `（${e.unitName}）`) : null}
              </p>
              {e.repeatedNote ? (
                <p role="note" className="mt-1 inline-block rounded border border-amber-600 bg-amber-50 px-2 text-amber-900">
                  与本单位以前提交的说明完全相同
                </p>
              ) : null}
              {e.publicNote ? <p className="mt-1 whitespace-pre-wrap">公开说明：{e.publicNote}</p> : null}
              {e.reporterNote ? <p className="mt-1 whitespace-pre-wrap">告知反映人：{e.reporterNote}</p> : null}
              {e.internalNote ? <p className="mt-1 whitespace-pre-wrap text-muted">内部备注：{e.internalNote}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
