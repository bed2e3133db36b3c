import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { creditQueueCounts } from '@/db/queries/credit-admin/queues';
import { dashboardCounts } from '@/db/queries/dashboard';
import { requirePageUser } from '@/server/auth';
import { ROLE_LABELS } from '@/lib/roles';

export const metadata: Metadata = { title: '工作台' };
export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  const user = await requirePageUser('dashboard.view', '/admin');
  const db = await getDb();
  const [counts, credit] = await Promise.all([dashboardCounts(db), creditQueueCounts(db)]);
  // `filtered`: the list accepts ?status=, so each count can open its own selection.
  const queues = [
    { label: '文明动态', ...counts.news, href: '/admin/news', filtered: true },
    { label: '好人榜批次', ...counts.peopleBatches, href: '/admin/good-people/batches', filtered: true },
    { label: '红黑榜批次', ...counts.creditBatches, href: '/admin/credit/batches', filtered: false },
  ];
  // A count that leads to its list when the list exists.
  const count = (n: number, href: string | null, label: string, className: string) =>
    href ? (
      <Link href={href} className={`${className} underline-offset-4 hover:underline`} aria-label={`${label}：${n}，查看列表`}>
        {n}
      </Link>
    ) : (
      n
    );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">工作台</h1>
      <p className="text-muted">
        您好，{user.displayName}。您的角色是“{ROLE_LABELS[user.role]}”。
      </p>
      <section aria-labelledby="queues">
        <h2 id="queues" className="mb-3 text-lg font-bold">
          待办
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          {queues.map((q) => (
            <li key={q.label} className="rounded-lg bg-white p-4 shadow-sm">
              <h3 className="font-bold">{q.label}</h3>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-center">
                <div className="rounded bg-canvas p-2">
                  <dt className="text-sm text-muted">草稿/退回</dt>
                  <dd className="text-2xl font-bold">{count(q.drafts, q.filtered ? `${q.href}?status=draft` : q.href, `${q.label}草稿`, '')}</dd>
                </div>
                <div className="rounded bg-brand-soft p-2">
                  <dt className="text-sm text-muted">待审核</dt>
                  <dd className="text-2xl font-bold text-brand">{count(q.pending, q.filtered ? `${q.href}?status=pending` : q.href, `${q.label}待审核`, 'text-brand')}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="people-queues">
        <h2 id="people-queues" className="mb-3 text-lg font-bold">
          好人榜市民互动
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <li className="rounded-lg bg-white p-4 shadow-sm">
            <h3 className="font-bold">市民推荐待处理</h3>
            <p className="mt-2 text-2xl font-bold text-brand">
              {count(counts.people.recommendations, '/admin/good-people/recommendations?status=pending', '市民推荐待处理', 'text-brand')}
            </p>
          </li>
          <li className="rounded-lg bg-white p-4 shadow-sm">
            <h3 className="font-bold">评论待审核</h3>
            <p className="mt-2 text-2xl font-bold text-brand">
              {count(counts.people.pendingComments + counts.people.hiddenComments, '/admin/good-people/comments', '评论待审核', 'text-brand')}
            </p>
            <p className="text-sm text-muted">其中被举报隐藏 {counts.people.hiddenComments} 条</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="credit-queues">
        <h2 id="credit-queues" className="mb-3 text-lg font-bold">
          红黑榜异议申诉与信用修复
        </h2>
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <li className="rounded-lg bg-white p-4 shadow-sm">
            <h3 className="font-bold">未办结的申请</h3>
            <p className="mt-2 text-2xl font-bold text-brand">{count(credit.openObjections, '/admin/credit/objections', '未办结的异议申诉和信用修复申请', 'text-brand')}</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
