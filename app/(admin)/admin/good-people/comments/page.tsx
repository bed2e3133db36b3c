import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { listCommentsForModeration, type CommentQueue } from '@/db/queries/people-admin/comments';
import { commentStatus, type CommentStatus } from '@/db/schema';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { FilterSelect, FilterSubmit, NoResults } from '../../../../_components/admin-filters';
import { Pagination, pageParam } from '../../../../_components/pagination';
import { FlaggedWords, Highlighted } from '@/app/_components/sensitive-highlight';
import { GoodPeopleNav } from '../section-nav';
import { CommentForms, TakeDownForm } from './comment-forms';

export const metadata: Metadata = { title: '评论审核' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;
const LABELS: Record<CommentStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过', hidden: '被举报隐藏' };

export default async function CommentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.status === 'string' ? params.status : '';
  const which: CommentQueue = (commentStatus.enumValues as readonly string[]).includes(raw) ? (raw as CommentStatus) : 'queue';
  const page = pageParam(params.page);
  await requirePageUser('content.edit', `/admin/good-people/comments${which === 'queue' ? '' : `?status=${which}`}`);
  const { items, total } = await listCommentsForModeration(await getDb(), which, page, PAGE_SIZE);
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (which !== 'queue') q.set('status', which);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return `/admin/good-people/comments${s ? `?${s}` : ''}`;
  };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">评论审核</h1>
      <GoodPeopleNav current="/admin/good-people/comments" />
      <form method="get" action="/admin/good-people/comments" role="search" aria-label="筛选评论" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <FilterSelect name="status" label="状态" value={which === 'queue' ? '' : which} allLabel="待处理（待审核和被举报隐藏）" options={commentStatus.enumValues.map((s) => ({ value: s, label: LABELS[s] }))} />
        <FilterSubmit />
      </form>
      {items.length === 0 ? (
        <NoResults>{which === 'queue' ? '没有待处理的评论。' : '没有符合条件的评论。'}</NoResults>
      ) : (
        <ul className="space-y-3">
          {items.map((c) => (
            <li key={c.id}>
              <article aria-label={`评论${c.id}`} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="rounded bg-canvas px-2 py-0.5">{LABELS[c.status]}</span>
                  <span>
                    {c.nickname} 评论
                    <Link href={`/admin/good-people/${c.personId}`} className="mx-1 font-medium underline hover:text-brand">
                      {c.personName}
                    </Link>
                  </span>
                  <span className="text-muted">{formatDateTime(c.createdAt)}</span>
                  {c.reportCount > 0 && <span className="text-brand">被举报 {c.reportCount} 次</span>}
                </p>
                <FlaggedWords words={c.flaggedWords} />
                <p className="text-base">
                  <Highlighted text={c.body} words={c.flaggedWords} />
                </p>
                {c.status === 'pending' || c.status === 'hidden' ? (
                  <CommentForms id={c.id} hidden={c.status === 'hidden'} />
                ) : c.status === 'approved' ? (
                  <TakeDownForm id={c.id} />
                ) : (
                  c.rejectReason && <p className="text-sm text-muted">不通过（或撤下）理由：{c.rejectReason}</p>
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
