// The tabs of an admin section (红黑榜, 问题整改台账): a link per page, the current one marked.
import Link from '@/app/_components/link';

export type SectionTab = { href: string; label: string };

/** A section's own navigation, shown on each of its pages; nothing when there is only one tab to show. */
export function SectionNav({ label, tabs, current }: { label: string; tabs: readonly SectionTab[]; current: string }) {
  if (tabs.length < 2) return null;
  return (
    <nav aria-label={label} className="overflow-x-auto">
      <ul className="flex gap-1 border-b border-line text-sm">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.href === current ? 'page' : undefined}
              className={`block whitespace-nowrap rounded-t px-4 py-2 ${tab.href === current ? 'border border-b-0 border-line bg-white font-bold' : 'hover:text-brand'}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
