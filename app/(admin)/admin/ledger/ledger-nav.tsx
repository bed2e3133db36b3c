import Link from 'next/link';
import type { AuthUser } from '@/server/auth';
import { can, type Permission } from '@/lib/roles';

const TABS: readonly { href: string; label: string; permission: Permission | 'staff' }[] = [
  { href: '/admin/ledger', label: '问题台账', permission: 'staff' },
  { href: '/admin/ledger/new', label: '录入督查问题', permission: 'ledger.enter' },
  { href: '/admin/ledger/import', label: '批量导入', permission: 'ledger.enter' },
  { href: '/admin/units', label: '责任单位', permission: 'units.manage' },
  { href: '/admin/ledger/categories', label: '问题类别', permission: 'units.manage' },
  { href: '/admin/ledger/calendar', label: '工作日历', permission: 'units.manage' },
];

/** The 问题整改台账 section's own navigation: the tabs the signed-in user may open. */
export function LedgerNav({ current, user }: { current: string; user: AuthUser }) {
  const tabs = TABS.filter((tab) => tab.permission === 'staff' || can(user.role, tab.permission));
  if (tabs.length < 2) return null;
  return (
    <nav aria-label="问题整改台账管理" className="overflow-x-auto">
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
