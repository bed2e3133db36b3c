import { Link } from '@/app/_components/page-link';
import { newsPath, type NewsListItem } from '@/db/queries/news';
import { formatDay } from '@/lib/dates';
import { MediaImage } from './media-image';

/**
 * Titles with date and summary, as on /news, channel and tag pages. Styled from the list's one class
 * (`.news-summary` in globals.css) rather than utilities on every item: twenty items' class names were about
 * a tenth of the news list's HTML and as much again of its RSC payload.
 */
export function NewsSummaryList({ items, showChannel, empty }: { items: NewsListItem[]; showChannel: boolean; empty: string }) {
  if (items.length === 0) return <p className="py-8 text-center text-muted">{empty}</p>;
  return (
    <ul className="news-summary mt-4">
      {items.map((item) => (
        <li key={item.id}>
          <div>
            <div>
              <Link href={newsPath(item)}>{item.title}</Link>
              {item.publishedAt && <time>{formatDay(item.publishedAt)}</time>}
            </div>
            <p>
              {showChannel && <span>{`[${item.channelName}]`}</span>}
              {item.summary}
            </p>
          </div>
          {/* A thumbnail beside the title it illustrates: decorative (alt=""), the title is the link. */}
          <MediaImage storageKey={item.coverImage} variants={item.coverVariants} alt="" sizes="8rem" width={320} largest={320} />
        </li>
      ))}
    </ul>
  );
}
