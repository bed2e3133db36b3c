import { Link } from '@/app/_components/page-link';
import { newsPath, type NewsLink } from '@/db/queries/news';
import { formatDay } from '@/lib/dates';
import { Section } from './section';

/** A titled side list of article links (相关文章, 最火资讯); `ranked` numbers the entries. */
export function NewsLinkList({ title, id, items, empty, ranked = false }: { title: string; id: string; items: NewsLink[]; empty: string; ranked?: boolean }) {
  const List = ranked ? 'ol' : 'ul';
  return (
    <Section title={title} id={id}>
      {items.length > 0 ? (
        <List className="space-y-2 text-sm">
          {items.map((item, i) => (
            <li key={item.id} className="flex gap-2">
              {ranked && <span aria-hidden="true" className={`w-5 shrink-0 rounded text-center text-xs leading-5 ${i < 3 ? 'bg-brand text-white' : 'bg-canvas text-muted'}`}>{i + 1}</span>}
              <span className="min-w-0">
                <Link href={newsPath(item)} className="hover:text-brand hover:underline">
                  {item.title}
                </Link>
                {!ranked && item.publishedAt && <time className="ml-2 text-xs text-muted">{formatDay(item.publishedAt)}</time>}
              </span>
            </li>
          ))}
        </List>
      ) : (
        <p className="text-sm text-muted">{empty}</p>
      )}
    </Section>
  );
}
