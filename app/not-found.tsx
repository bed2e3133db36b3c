// Addresses that match no page: the site's shell around the message. A page's own notFound() is drawn by
// app/(public)/not-found.tsx inside the public layout instead.
import { NotFoundMessage } from './_components/not-found-message';
import { SiteShell } from './_components/site-shell';

export const metadata = { title: '页面不存在' };

export default function NotFound() {
  return (
    <SiteShell>
      <NotFoundMessage />
    </SiteShell>
  );
}
