import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { parseScript, SCRIPT_COOKIE } from '@/lib/chinese-script';
import { ClientTextProvider } from './client-text';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/**
 * Header, main landmark and footer around every public page: app/(public)/layout.tsx, and app/global-not-found.tsx
 * for addresses that match no page. Exactly one per document: a page's own 404 (notFound()) renders
 * app/(public)/not-found.tsx inside this shell, never a second shell.
 */
export async function SiteShell({ children }: { children: React.ReactNode }) {
  // Rendered per request (also the 404 page): the build must never open the database.
  await connection();
  const [info, jar] = await Promise.all([getDb().then((db) => getSetting(db, 'siteInfo')), cookies()]);
  const hant = parseScript(jar.get(SCRIPT_COOKIE)?.value) === 'hant';
  const shell = (
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
  // Client components read their text through the provider in 繁體 mode only (app/_components/client-text.tsx);
  // in Simplified mode they do without it, and the shell ships no React code of its own.
  return hant ? <ClientTextProvider hant>{shell}</ClientTextProvider> : shell;
}
