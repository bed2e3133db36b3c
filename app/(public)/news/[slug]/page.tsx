import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { newsPath, type NewsLink } from '@/db/queries/news';
import { getSetting } from '@/db/queries/settings';
import { mediaUrl } from '@/lib/media-url';
import { absoluteUrl, siteOrigin } from '@/server/site-url';
import { ArticleTools } from '../../../_components/article-tools';
import { ArticleView } from '../../../_components/article-view';
import { FontSizeScope, FontSizeSwitch } from '../../../_components/font-size-switch';
import { NewsLinkList } from '../../../_components/news-link-list';
import { PageNotFound } from '../../../_components/page-not-found';
import { ShareBox } from '../../../_components/share-box';
import { ViewBeacon } from '../../../_components/view-beacon';
import { publicNewsData } from '@/server/public-news';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

// Only the two shapes an article address can have (an id, or an ASCII slug) are looked up, so random
// addresses neither reach the database nor fill the data cache with misses.
const ARTICLE_SEGMENT = /^(?:\d{1,9}|[a-z0-9-]{3,80})$/;
function articleKey(segment: string): string | null {
  return ARTICLE_SEGMENT.test(segment) ? segment : null;
}

// One lookup per request, shared by generateMetadata and the page.
const loadArticle = cache(async (segment: string | null) => (segment ? publicNewsData.article(segment) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle(articleKey((await params).slug));
  if (!article) return { title: '页面不存在' };
  const db = await getDb();
  const [origin, info] = await Promise.all([siteOrigin(), getSetting(db, 'siteInfo')]);
  const url = absoluteUrl(origin, newsPath(article));
  return {
    title: article.title,
    description: article.summary,
    alternates: { canonical: url },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.summary,
      url,
      siteName: info.siteName,
      locale: 'zh_CN',
      publishedTime: article.publishedAt?.toISOString(),
      section: article.channelName,
      tags: article.tags,
      images: article.coverImage ? [{ url: absoluteUrl(origin, mediaUrl(article.coverImage, 800)), alt: article.coverAlt ?? article.title }] : undefined,
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const requested = articleKey((await params).slug);
  const article = await loadArticle(requested);
  if (!article) return <PageNotFound kind="article" />;
  // /news/<id> of an article with a slug: one address per article for readers and search engines.
  if (article.slug && article.slug !== requested) permanentRedirect(encodeURI(newsPath(article)));

  const [adjacent, related, popular, origin] = await Promise.all([
    publicNewsData.adjacent({ id: article.id, channelId: article.channelId }),
    publicNewsData.related({ id: article.id, channelId: article.channelId, tags: article.tags }, 5),
    publicNewsData.mostViewed({ days: 30, limit: 8 }),
    siteOrigin(),
  ]);

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <article className="min-w-0 rounded-lg bg-white p-4 shadow-sm sm:p-8">
        <Breadcrumb trail={[{ href: '/news', label: '文明动态' }, { href: `/news/channel/${article.channelSlug}`, label: article.channelName }]} />
        <FontSizeScope>
          <ArticleView article={article} toolbar={<FontSizeSwitch />} />
        </FontSizeScope>
        <ArticleTools />
        <ShareBox url={absoluteUrl(origin, newsPath(article))} />
        <nav aria-label="上一篇和下一篇" className="mt-6 grid grid-cols-1 gap-2 border-t border-line pt-4 text-sm sm:grid-cols-2">
          <AdjacentLink label="上一篇" article={adjacent.prev} />
          <AdjacentLink label="下一篇" article={adjacent.next} />
        </nav>
      </article>
      <aside aria-label="更多资讯" className="space-y-6">
        <NewsLinkList title="相关文章" id="article-related" items={related} empty="暂无相关文章。" />
        <NewsLinkList title="最火资讯" id="article-popular" items={popular} empty="近30天暂无浏览数据。" ranked />
      </aside>
      <ViewBeacon articleId={article.id} />
    </div>
  );
}

function AdjacentLink({ label, article }: { label: string; article: NewsLink | null }) {
  return (
    <p className="min-w-0">
      <span className="text-muted">{label}：</span>
      {article ? (
        <Link href={newsPath(article)} className="hover:text-brand hover:underline">
          {article.title}
        </Link>
      ) : (
        <span className="text-muted">没有了</span>
      )}
    </p>
  );
}
