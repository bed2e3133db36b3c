import type { Metadata } from 'next';
import { requirePageUser } from '@/server/auth';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: '修改密码' };

export default async function AccountPage() {
  const user = await requirePageUser('dashboard.view', '/admin/account');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">修改密码</h1>
      <p className="text-muted">账号：{user.username}</p>
      <PasswordForm />
    </div>
  );
}
