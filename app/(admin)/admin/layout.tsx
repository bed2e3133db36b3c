import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth';
import { ADMIN_NAV, type AdminNavEntry } from '@/lib/domains';
import { ROLE_LABELS, can } from '@/lib/roles';
import { SignOutForm } from '../../_components/sign-out-form';

export const metadata: Metadata = { title: { default: '管理后台', template: '%s - 管理后台' }, robots: { index: false, follow: false } };

// The content domains' entries (lib/domains) between the dashboard and the site-wide tools.
const NAV: readonly AdminNavEntry[] = [
  { href: '/admin', label: '工作台', permission: 'dashboard.view' },
  ...ADMIN_NAV,
  { href: '/admin/media', label: '媒体库', permission: 'media.upload' },
  { href: '/admin/users', label: '用户管理', permission: 'users.manage' },
  { href: '/admin/settings', label: '站点设置', permission: 'settings.manage' },
  { href: '/admin/audit', label: '审计日志', permission: 'audit.view' },
  { href: '/admin/account', label: '修改密码', permission: 'dashboard.view' },
];

// Each page checks its own permission too (layouts do not guard pages); this only frames them.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/login');
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <header className="bg-black-list text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/admin" className="font-bold">
            管理后台
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span>
              {user.displayName}（{ROLE_LABELS[user.role]}）
            </span>
            <Link href="/" className="rounded px-3 py-1.5 hover:bg-black/20">
              查看网站
            </Link>
            <SignOutForm />
          </div>
        </div>
        <nav aria-label="后台导航" className="bg-black/30">
          <ul className="mx-auto flex max-w-7xl overflow-x-auto px-2 text-sm">
            {NAV.filter((item) => can(user.role, item.permission)).map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block whitespace-nowrap px-3 py-2.5 hover:bg-black/30">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
