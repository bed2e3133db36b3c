import { AdminNotice } from '@/app/_components/admin-notice';
import { FORBIDDEN_TEXT } from '@/lib/inline-not-found';

export const metadata = { title: '无权访问' };

/** forbidden() of an editor's page (server/auth.ts requirePageUser): the message inside the admin shell. */
export default function AdminForbidden() {
  return <AdminNotice title="无权访问（403）" text={FORBIDDEN_TEXT} />;
}
