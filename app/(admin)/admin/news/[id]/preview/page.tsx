import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { forbidden, notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findArticleForEdit, findAutosave, snapshotOf } from '@/db/queries/news-admin';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { ArticleView } from '../../../../../_components/article-view';
import { mayView, parseArticleId } from '../../access';

// Drafts must never be indexed, even if a preview address leaks.
export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PreviewPage({ params, searchParams }: Props) {
  const id = parseArticleId((await params).id);
  if (!id) notFound();
  const fromAutosave = (await searchParams).autosave === '1';
  const user = await requirePageUser('content.edit', `/admin/news/${id}/preview${fromAutosave ? '?autosave=1' : ''}`);
  const db = await getDb();
  const article = await findArticleForEdit(db, id);
  if (!article) notFound();
  if (!mayView(user, article)) forbidden();
  const autosave = fromAutosave ? await findAutosave(db, id, user.id) : null;
  const content = autosave ? autosave.snapshot : snapshotOf(article);
  return (
    <div className="space-y-4">
      <div role="note" className="rounded border-2 border-brand bg-brand-soft px-4 py-3 text-brand">
        <p className="font-bold">预览：此页面仅供审核，未公开</p>
        <p className="mt-1 text-sm">
          {autosave
            ? `显示的是您 ${formatDateTime(autosave.savedAt)} 自动保存、尚未保存的内容。`
            : fromAutosave
              ? '没有找到您的自动保存内容，显示的是已保存的版本 ' + article.version + '。'
              : `显示的是已保存的版本 ${article.version}。`}
        </p>
        <p className="mt-2 text-sm">
          <Link href={`/admin/news/${id}`} className="underline">
            返回编辑
          </Link>
        </p>
      </div>
      <article className="mx-auto max-w-4xl rounded-lg bg-white p-4 shadow-sm sm:p-8">
        <p className="text-sm text-muted">文明动态 &rsaquo; {article.channelName}</p>
        <ArticleView article={{ ...content, publishedAt: article.publishedAt, viewCount: article.viewCount }} tagLinks={false} />
      </article>
    </div>
  );
}
