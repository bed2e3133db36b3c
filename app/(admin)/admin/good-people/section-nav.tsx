import Link from '@/app/_components/link';

const LINKS = [
  { href: '/admin/good-people', label: '人物' },
  { href: '/admin/good-people/batches', label: '月度榜单' },
  { href: '/admin/good-people/recommendations', label: '市民推荐' },
  { href: '/admin/good-people/comments', label: '评论审核' },
];

/** The 好人榜 area's own tabs; the current one is marked for screen readers too. */
export function GoodPeopleNav({ current }: { current: string }) {
  return (
    <nav aria-label="好人榜管理" className="flex flex-wrap gap-2 text-sm">
      {LINKS.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? 'page' : undefined}
          className="rounded border border-line bg-white px-3 py-1.5 hover:border-brand aria-[current=page]:border-brand aria-[current=page]:font-bold aria-[current=page]:text-brand"
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
