// An admin address that matches no page (a mistyped or outdated link): the admin 404 inside the admin shell, with
// the editor's menu, instead of the public site's page. Signing in comes first, as on every admin page.
import { notFound } from 'next/navigation';
import { requirePageUser } from '@/server/auth';

export default async function MissingAdminPage({ params }: { params: Promise<{ missing: string[] }> }) {
  const { missing } = await params;
  await requirePageUser('dashboard.view', `/admin/${missing.map(encodeURIComponent).join('/')}`);
  notFound();
}
