import type { AuthUser } from '@/server/auth';
import { can, type Permission } from '@/lib/roles';
import { SectionNav } from '../../../_components/section-nav';

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
  return <SectionNav label="问题整改台账管理" tabs={tabs} current={current} />;
}
