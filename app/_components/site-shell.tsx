import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Header, main landmark and footer around every public page (also used by the 404 page). */
export async function SiteShell({ children }: { children: React.ReactNode }) {
  // Rendered per request (also the 404 page): the build must never open the database.
  await connection();
  const info = await getSetting(await getDb(), 'siteInfo');
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <SiteHeader siteName={info.siteName} city={info.city} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <SiteFooter info={info} />
    </>
  );
}
