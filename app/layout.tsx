import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { PageScriptTag } from './_components/page-script-tag';
import './globals.css';

/** Every page's title ends with the site's name (a setting): tabs, bookmarks and shared links say whose page it is. */
export async function generateMetadata(): Promise<Metadata> {
  // Per request, like every page here: the build never opens the database.
  await connection();
  const { siteName, city } = await getSetting(await getDb(), 'siteInfo');
  return {
    title: { default: siteName, template: `%s - ${siteName}` },
    description: `${city}创建全国文明城市：文明动态、好人榜与诚信红黑榜`,
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The inline script (app/_components/page-script.ts: display modes, switches, copy and print buttons) adds
    // data-* attributes to <html> before React hydrates it. It carries the request's CSP nonce (proxy.ts).
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <PageScriptTag nonce={nonce} />
      </head>
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
