// Addresses that match no page at all: a whole document of its own, the site's shell around the message
// (experimental.globalNotFound in next.config.js). Next.js renders it only for such addresses, so unlike a
// root not-found.tsx it is not part of every page's RSC payload. It bypasses app/layout.tsx: the document,
// the stylesheet, the page script with its CSP nonce and the title's site name are set here.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { NotFoundMessage } from './_components/not-found-message';
import { PAGE_SCRIPT } from './_components/page-script';
import { SiteShell } from './_components/site-shell';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { siteName } = await getSetting(await getDb(), 'siteInfo');
  return { title: `页面不存在 - ${siteName}` };
}

export default async function GlobalNotFound() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PAGE_SCRIPT }} />
      </head>
      <body className="min-h-screen antialiased">
        <SiteShell>
          <NotFoundMessage />
        </SiteShell>
      </body>
    </html>
  );
}
