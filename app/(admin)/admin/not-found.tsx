import { AdminNotice } from '@/app/_components/admin-notice';
import { ADMIN_NOT_FOUND_TEXT } from '@/lib/inline-not-found';

export const metadata = { title: '页面不存在' };

/** A record an editor's page cannot find (or may not see): the message inside the admin shell. */
export default function AdminNotFound() {
  return <AdminNotice title="页面不存在" text={ADMIN_NOT_FOUND_TEXT} />;
}
