import { AdminNotice } from '@/app/_components/admin-notice';

export const metadata = { title: '页面不存在' };

/** A record an editor's page cannot find (or may not see): the message inside the admin shell. */
export default function AdminNotFound() {
  return <AdminNotice title="页面不存在" text="该记录不存在、已被删除，或不在您的职责范围内。" />;
}
