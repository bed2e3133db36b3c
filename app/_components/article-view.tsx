// How an article looks to citizens: used by the public page and by the editors' preview, so the
// preview shows exactly what will be published.
import type { MediaVariant } from '@/db/schema';
import { formatDateTime } from '@/lib/dates';
import { sanitizeRichText } from '@/lib/sanitize';
import { MediaImage } from './media-image';

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
  /** The cover's WebP sizes, for srcset (previews may leave them out). */
  coverVariants?: MediaVariant[] | null;
  body: string;
  tags: string[];
};

/**
 * Tables in an article scroll sideways on a phone instead of squeezing names into one character per line
 * (globals.css gives cells a minimum width); a hint above says so on narrow screens. The wrapper is a
 * focusable, named region so keyboard users can scroll it too. Runs on sanitized HTML, whose tables are
 * well-formed.
 */
function withScrollableTables(html: string): string {
  return html
    .replace(/<table\b/g, '<div class="table-scroll" role="region" aria-label="表格" tabindex="0"><p class="table-hint">表格较宽，可左右滑动查看</p><table')
    .replace(/<\/table>/g, '</table></div>');
}

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
        // The article's head picture: its largest content, so loaded first. The caption repeats the
        // description for sighted readers (示意图 for illustrations); screen readers hear the alt once.
        <figure className="mt-6">
          <MediaImage
            storageKey={article.coverImage}
            variants={article.coverVariants}
            alt={article.coverAlt ?? ''}
            sizes="(min-width: 1024px) 44rem, 100vw"
            width={800}
            priority
            className="mx-auto h-auto w-full max-w-3xl rounded"
          />
          {article.coverAlt && (
            <figcaption aria-hidden="true" className="mt-2 text-center text-sm text-muted">
              {article.coverAlt}
            </figcaption>
          )}
        </figure>
      )}
      <div className="article-body mt-6 space-y-4 text-lg" dangerouslySetInnerHTML={{ __html: withScrollableTables(sanitizeRichText(article.body)) }} />
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
