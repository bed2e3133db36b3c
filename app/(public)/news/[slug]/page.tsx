import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findPublicArticle } from '@/db/queries/news';
import { formatDateTime } from '@/lib/dates';
import { sanitizeRichText } from '@/lib/sanitize';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return findPublicArticle(await getDb(), decodeURIComponent(slug));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load((await params).slug);
  return article ? { title: article.title, description: article.summary } : { title: '页面不存在' };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load((await params).slug);
  if (!article) notFound();
  return (
    <article className="mx-auto max-w-4xl rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/" className="hover:text-brand">
          首页
        </Link>{' '}
        &rsaquo;{' '}
        <Link href="/news" className="hover:text-brand">
          文明动态
        </Link>{' '}
        &rsaquo; {article.channelName}
      </nav>
      <h1 className="mt-4 text-center text-2xl font-bold leading-snug sm:text-3xl">{article.title}</h1>
      {article.subtitle && <p className="mt-2 text-center text-lg text-muted">{article.subtitle}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-x-4 gap-y-1 border-b border-line pb-4 text-sm text-muted">
        {article.source && <span>来源：{article.source}</span>}
        {article.author && <span>作者：{article.author}</span>}
        {article.publishedAt && <time>{formatDateTime(article.publishedAt)}</time>}
        <span>点击次数：{article.viewCount}</span>
      </p>
      <div className="article-body mt-6 space-y-4 text-lg" dangerouslySetInnerHTML={{ __html: sanitizeRichText(article.body) }} />
      <footer className="mt-8 border-t border-line pt-4 text-sm text-muted">
        {article.editorName && <p>编审：{article.editorName}</p>}
        {article.tags.length > 0 && <p>标签：{article.tags.join('、')}</p>}
      </footer>
    </article>
  );
}
