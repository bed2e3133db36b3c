import { AdminNotice } from '@/app/_components/admin-notice';

export const metadata = { title: '无权访问' };

/** forbidden() of an editor's page (server/auth.ts requirePageUser): the message inside the admin shell. */
export default function AdminForbidden() {
  return <AdminNotice title="无权访问（403）" text="您的账号没有访问此页面的权限。如需开通，请联系管理员。" />;
}
