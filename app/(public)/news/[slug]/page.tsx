import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findPublicArticle } from '@/db/queries/news';
import { ArticleView } from '../../../_components/article-view';

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
      <ArticleView article={article} />
    </article>
  );
}
