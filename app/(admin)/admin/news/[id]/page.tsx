import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DoneNotice } from '../../../../_components/done-notice';
import { listChannels, newsPath } from '@/db/queries/news';
import { findArticleForEdit, findAutosave, newsReviewParties, snapshotOf } from '@/db/queries/news-admin';
import { listOtherEditors } from '@/db/queries/presence';
import { listReviewEvents } from '@/db/queries/workflow';
import { REFUSED_SIGNED_OUT } from '@/server/actions';
import { snapshotToForm } from '@/lib/article-input';
import { requirePageUser } from '@/server/auth';
import { cityDay, formatDateTime } from '@/lib/dates';
import { approvalRefusal, availableActions, type WorkflowAction } from '@/lib/workflow';
import { can } from '@/lib/roles';
import { ArticleView } from '../../../../_components/article-view';
import { ReviewHistory, ReviewReason } from '../../../../_components/review-history';
import { editRefusal, mayView, parseArticleId } from '../access';
import { ArticleEditor } from '../article-editor';
import { ReviewPanel } from '../review-panel';
import { StatusBadge } from '../status-badge';
import type { RecoveredDraft } from '../types';

export const metadata: Metadata = { title: '编辑文章' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<WorkflowAction, string> = {
  submit: '已提交审核。',
  approve: '已审核通过并发布。',
  reject: '已退回给编辑修改，编辑将看到退回理由。',
  takeOffline: '已下线：首页、栏目、订阅和网站地图都不再显示此文章。',
  forcePublish: '已强制发布，理由已记入审计日志。',
};

const when = (at: Date) => (cityDay(at) === cityDay() ? formatDateTime(at).slice(11) : formatDateTime(at));

export default async function EditArticlePage({ params, searchParams }: Props) {
  const id = parseArticleId((await params).id);
  if (!id) notFound();
  const user = await requirePageUser('content.edit', `/admin/news/${id}`);
  const db = await getDb();
  const article = await findArticleForEdit(db, id);
  if (!article) notFound();
  const query = await searchParams;
  const refusal = editRefusal(user, article);
  const [channels, events, autosave, others] = await Promise.all([
    listChannels(db),
    listReviewEvents(db, 'news_article', id),
    refusal ? null : findAutosave(db, id, user.id),
    listOtherEditors(db, 'news', id, user.id),
  ]);
  const actions = availableActions(article.status, user.role);
  const refusedApproval = actions.includes('approve') ? approvalRefusal(user, await newsReviewParties(db, article)) : null;
  const now = new Date();
  const isPublic = article.status === 'published' && article.publishedAt && article.publishedAt <= now;
  const done = typeof query.done === 'string' && query.done in DONE ? DONE[query.done as WorkflowAction] : null;
  const restored = typeof query.restored === 'string' && /^\d+$/.test(query.restored) ? query.restored : null;

  // Saving deletes the saver's autosave, so one that exists is unsaved work (the editor hides it when it
  // equals the saved text); its base version tells whether others saved meanwhile.
  const recovered: RecoveredDraft | null =
    autosave
      ? { source: 'server', savedAt: autosave.savedAt.toISOString(), savedAtText: when(autosave.savedAt), baseVersion: autosave.baseVersion, values: snapshotToForm(autosave.snapshot) }
      : null;

  return (
    <div className="space-y-4">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/admin/news" className="hover:text-brand hover:underline">
          文明动态
        </Link>{' '}
        &rsaquo; 编辑文章
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">编辑文章</h1>
        <p className="flex items-center gap-1 text-sm">
          状态：
          <StatusBadge status={article.status} publishedAt={article.publishedAt} now={now} />
        </p>
        <p className="text-sm text-muted">
          版本 {article.version}，{article.updatedByName ?? '系统导入'} 修改于 {formatDateTime(article.updatedAt)}；作者 {article.author || article.createdByName || '—'}
          {article.createdByName && article.createdByName !== article.author ? `（录入：${article.createdByName}）` : ''}
        </p>
      </div>
      <div className="flex flex-wrap gap-2 text-sm">
        {mayView(user, article) && (
          <>
            <Link href={`/admin/news/${id}/preview`} className="rounded border border-line bg-white px-3 py-1.5 hover:border-brand">
              预览
            </Link>
            <Link href={`/admin/news/${id}/history`} className="rounded border border-line bg-white px-3 py-1.5 hover:border-brand">
              历史版本
            </Link>
          </>
        )}
        {isPublic && (
          <a href={newsPath(article)} className="rounded border border-line bg-white px-3 py-1.5 hover:border-brand">
            查看公开页面
          </a>
        )}
      </div>

      {(done || restored || query.created) && (
        <DoneNotice>{done ?? (restored ? `已将版本 ${restored} 的内容恢复为新版本 ${article.version}。` : '草稿已创建。现在可以继续编辑、预览或提交审核。')}</DoneNotice>
      )}

      <ReviewReason events={events} status={article.status} />

      {!refusal && article.status === 'published' && (
        <p role="note" className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          此文章已发布：保存后公开页面立即更新（修改记入历史版本和审计日志）。
        </p>
      )}

      {refusal ? (
        <>
          <p role="note" className="rounded border border-line bg-white px-3 py-2 text-sm">
            {refusal}
          </p>
          {others.length > 0 && (
            <p className="text-sm text-muted">
              {others.map((o) => `${o.userName} 正在编辑此文章（最近活动 ${when(o.seenAt)}）`).join('；')}
            </p>
          )}
          <article aria-label="文章内容（只读）" className="rounded-lg bg-white p-4 shadow-sm sm:p-8">
            <ArticleView article={{ ...snapshotOf(article), publishedAt: article.publishedAt, viewCount: article.viewCount }} tagLinks={false} />
          </article>
        </>
      ) : (
        <ArticleEditor
          mode="edit"
          articleId={id}
          version={article.version}
          initial={snapshotToForm(snapshotOf(article))}
          channels={channels.map((c) => ({ id: c.id, name: c.name }))}
          canSubmit={actions.includes('submit')}
          recovered={recovered}
          presence={others.map((o) => ({ name: o.userName, at: when(o.seenAt) }))}
          userId={user.id}
          signedOutMessage={REFUSED_SIGNED_OUT}
          editUrl={`/admin/news/${id}`}
          created={Boolean(query.created)}
        />
      )}

      <ReviewPanel articleId={id} version={article.version} actions={actions} approvalRefusal={refusedApproval} mayOverride={can(user.role, 'content.forcePublish')} />

      <ReviewHistory events={events} />
    </div>
  );
}
