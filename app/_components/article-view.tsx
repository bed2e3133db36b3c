// How an article looks to citizens: used by the public page and by the editors' preview, so the
// preview shows exactly what will be published.
import { formatDateTime } from '@/lib/dates';
import { mediaUrl } from '@/lib/media-url';
import { sanitizeRichText } from '@/lib/sanitize';

export type ArticleViewData = {
  title: string;
  subtitle: string | null;
  source: string;
  author: string;
  editorName: string;
  publishedAt: Date | null;
  viewCount: number;
  coverImage: string | null;
  coverAlt: string | null;
  body: string;
  tags: string[];
};

/** `toolbar` (the public page's font-size switch) sits under the byline; previews leave it out. */
export function ArticleView({ article, tagLinks = true, toolbar }: { article: ArticleViewData; tagLinks?: boolean; toolbar?: React.ReactNode }) {
  return (
    <>
      <h1 className="mt-4 text-center text-2xl font-bold leading-snug sm:text-3xl">{article.title}</h1>
      {article.subtitle && <p className="mt-2 text-center text-lg text-muted">{article.subtitle}</p>}
      <p className="mt-4 flex flex-wrap justify-center gap-x-4 gap-y-1 border-b border-line pb-4 text-sm text-muted">
        {article.source && <span>来源：{article.source}</span>}
        {article.author && <span>作者：{article.author}</span>}
        {article.publishedAt && <time dateTime={article.publishedAt.toISOString()}>{formatDateTime(article.publishedAt)}</time>}
        <span>点击次数：{article.viewCount}</span>
      </p>
      {toolbar && <div className="mt-3 flex justify-end">{toolbar}</div>}
      {article.coverImage && (
        // An image narrower than 800 px has only its own width: the media route serves that one instead.
        // eslint-disable-next-line @next/next/no-img-element -- our own WebP sizes, already optimised
        <img src={mediaUrl(article.coverImage, 800)} alt={article.coverAlt ?? ''} className="mx-auto mt-6 h-auto max-w-full rounded" />
      )}
      <div className="article-body mt-6 space-y-4 text-lg" dangerouslySetInnerHTML={{ __html: sanitizeRichText(article.body) }} />
      <footer className="mt-8 border-t border-line pt-4 text-sm text-muted">
        {article.editorName && <p>编审：{article.editorName}</p>}
        {article.tags.length > 0 && (
          <p>
            标签：
            {article.tags.map((tag, i) => (
              <span key={tag}>
                {i > 0 && '、'}
                {tagLinks ? (
                  <a href={`/news/tag/${encodeURIComponent(tag)}`} className="hover:text-brand hover:underline">
                    {tag}
                  </a>
                ) : (
                  tag
                )}
              </span>
            ))}
          </p>
        )}
      </footer>
    </>
  );
}
