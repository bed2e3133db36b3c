import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { findBatchByMonth, listOpenBatches } from '@/db/queries/people-admin/batches';
import { defaultBatchTitle } from '@/db/queries/people-admin/people';
import { listRecommendations } from '@/db/queries/people-admin/recommendations';
import { recommendationStatus, type RecommendationStatus } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { cityDay, formatDateTime } from '@/lib/dates';
import { FilterSelect, FilterSubmit, NoResults } from '../../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../../_components/pagination';
import { FlaggedWords, Highlighted } from '@/app/_components/sensitive-highlight';
import { GoodPeopleNav } from '../section-nav';
import { RecommendationForms } from './recommendation-forms';
import { EDITABLE_STATUSES } from '@/lib/workflow';

export const metadata: Metadata = { title: '市民推荐' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 10;
const LABELS: Record<RecommendationStatus, string> = { pending: '待处理', accepted: '已采纳', rejected: '不予采纳' };

export default async function RecommendationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.status === 'string' ? params.status : '';
  const status = (recommendationStatus.enumValues as readonly string[]).includes(raw) ? (raw as RecommendationStatus) : undefined;
  const page = pageParam(params.page);
  await requirePageUser('content.edit', `/admin/good-people/recommendations${status ? `?status=${status}` : ''}`);
  const db = await getDb();
  const month = cityDay().slice(0, 7);
  const [{ items, total }, batches, thisMonth] = await Promise.all([listRecommendations(db, status, page, PAGE_SIZE), listOpenBatches(db), findBatchByMonth(db, month)]);
  // This month's batch is the default; it is made on the first acceptance, and not offered once submitted.
  const thisMonthLabel = !thisMonth ? `本月榜单（将新建“${defaultBatchTitle(month)}”）` : EDITABLE_STATUSES.includes(thisMonth.status) ? `本月榜单：${thisMonth.title}` : null;
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return `/admin/good-people/recommendations${s ? `?${s}` : ''}`;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">市民推荐</h1>
      <GoodPeopleNav current="/admin/good-people/recommendations" />
      <form method="get" action="/admin/good-people/recommendations" role="search" aria-label="筛选推荐" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <FilterSelect name="status" label="状态" value={status ?? ''} allLabel="全部（待处理在前）" options={recommendationStatus.enumValues.map((s) => ({ value: s, label: LABELS[s] }))} />
        <FilterSubmit />
      </form>

      {items.length === 0 ? (
        <NoResults>没有符合条件的推荐。</NoResults>
      ) : (
        <ul className="space-y-4">
          {items.map((r) => (
            <li key={r.id}>
              <article aria-labelledby={`rec-${r.id}`} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-3">
                  <h2 id={`rec-${r.id}`} className="text-lg font-bold">
                    {r.nomineeName}
                  </h2>
                  <span className="rounded bg-canvas px-2 py-0.5 text-sm">{LABELS[r.status]}</span>
                  <span className="text-sm text-muted">
                    回执号 {r.receiptNo}，{formatDateTime(r.createdAt)}
                  </span>
                </div>
                <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-muted">所在地区</dt>
                  <dd>{r.region}</dd>
                  <dt className="text-muted">类别</dt>
                  <dd>{r.category}</dd>
                  <dt className="text-muted">推荐人</dt>
                  <dd>
                    {r.recommenderName}，电话 {r.recommenderPhone}
                  </dd>
                </dl>
                <FlaggedWords words={r.flaggedWords} />
                <div className="space-y-2 text-sm">
                  <h3 className="font-medium">一句话事迹</h3>
                  <p>
                    <Highlighted text={r.deed} words={r.flaggedWords} />
                  </p>
                  {r.story && (
                    <details>
                      <summary className="cursor-pointer font-medium">事迹详情</summary>
                      <p className="mt-1">
                        <Highlighted text={r.story} words={r.flaggedWords} />
                      </p>
                    </details>
                  )}
                </div>
                {r.photoIds.length > 0 && (
                  <ul className="flex flex-wrap gap-2" aria-label="推荐照片">
                    {r.photoIds.map((fileId, i) => (
                      <li key={fileId}>
                        <a href={`/admin/files/${fileId}`} target="_blank" rel="noopener" className="block rounded border border-line hover:border-brand">
                          {/* eslint-disable-next-line @next/next/no-img-element -- staff-only private file, not optimisable */}
                          <img src={`/admin/files/${fileId}`} alt={`${r.nomineeName}的推荐照片${i + 1}`} loading="lazy" className="h-20 w-24 object-cover" />
                        </a>
                      </li>
                    ))}
                  </ul>
                )}
                {r.status === 'pending' ? (
                  <RecommendationForms id={r.id} nominee={r.nomineeName} hasPhoto={r.photoIds.length > 0} batches={batches} thisMonthLabel={thisMonthLabel} thisMonthId={thisMonth?.id ?? null} />
                ) : r.status === 'accepted' && r.personId ? (
                  <p className="text-sm">
                    已采纳，
                    <Link href={`/admin/good-people/${r.personId}`} className="underline hover:text-brand">
                      查看人物
                    </Link>
                    {r.handledAt && `（${formatDateTime(r.handledAt)}）`}
                  </p>
                ) : (
                  <p className="text-sm">不予采纳，理由：{r.rejectReason}</p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={href} />
    </div>
  );
}
