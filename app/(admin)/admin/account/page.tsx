import type { Metadata } from 'next';
import { requirePageUser } from '@/server/auth';
import { PasswordForm } from './password-form';
import { SignOutEverywhereForm } from './sign-out-everywhere-form';

export const metadata: Metadata = { title: '修改密码' };

export default async function AccountPage() {
  const user = await requirePageUser('dashboard.view', '/admin/account');
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">修改密码</h1>
        <p className="text-muted">账号：{user.username}</p>
        <PasswordForm />
      </div>
      <section aria-labelledby="all-devices" className="space-y-3 border-t border-line pt-4">
        <h2 id="all-devices" className="text-lg font-bold">
          登录设备
        </h2>
        <p className="text-sm text-muted">在其他电脑或手机上忘记退出，或怀疑账号被他人使用时：所有已登录的浏览器（包括本机）都将立即退出，需重新登录。</p>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
