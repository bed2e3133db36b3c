import { Link } from '@/app/_components/page-link';
import { newsPath, type NewsListItem } from '@/db/queries/news';
import { formatDay } from '@/lib/dates';
import { MediaImage } from './media-image';

/** Titles with date and summary, as on /news, channel and tag pages. */
export function NewsSummaryList({ items, showChannel, empty }: { items: NewsListItem[]; showChannel: boolean; empty: string }) {
  if (items.length === 0) return <p className="py-8 text-center text-muted">{empty}</p>;
  return (
    <ul className="mt-4 divide-y divide-line">
      {items.map((item) => (
        <li key={item.id} className="flex gap-3 py-3">
          <div className="min-w-0 flex-1">
            <div className="flex items-baseline justify-between gap-3">
              <Link href={newsPath(item)} className="min-w-0 font-medium hover:text-brand hover:underline">
                {item.title}
              </Link>
              {item.publishedAt && <time className="shrink-0 text-sm text-muted">{formatDay(item.publishedAt)}</time>}
            </div>
            <p className="mt-1 line-clamp-2 text-sm text-muted">
              {showChannel && <span className="mr-2 text-brand">[{item.channelName}]</span>}
              {item.summary}
            </p>
          </div>
          {/* A thumbnail beside the title it illustrates: decorative (alt=""), the title is the link. */}
          <MediaImage storageKey={item.coverImage} variants={item.coverVariants} alt="" sizes="8rem" width={320} className="hidden aspect-[4/3] w-32 shrink-0 rounded object-cover sm:block" />
        </li>
      ))}
    </ul>
  );
}
