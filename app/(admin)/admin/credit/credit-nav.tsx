import Link from 'next/link';

const TABS = [
  { href: '/admin/credit', label: '条目' },
  { href: '/admin/credit/batches', label: '发布批次' },
  { href: '/admin/credit/import', label: '批量导入' },
  { href: '/admin/credit/objections', label: '异议申诉' },
] as const;

/** The 红黑榜 section's own navigation, shown on each of its pages. */
export function CreditNav({ current }: { current: (typeof TABS)[number]['href'] }) {
  return (
    <nav aria-label="红黑榜管理" className="overflow-x-auto">
      <ul className="flex gap-1 border-b border-line text-sm">
        {TABS.map((tab) => (
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
