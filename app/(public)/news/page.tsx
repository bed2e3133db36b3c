import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { absoluteUrl, siteOrigin } from '@/server/site-url';
import { NewsListPage } from '../../_components/news-list-page';
import { pageParam } from '../../_components/pagination';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [origin, info] = await Promise.all([siteOrigin(), getDb().then((db) => getSetting(db, 'siteInfo'))]);
  return {
    title: '文明动态',
    alternates: {
      types: { 'application/rss+xml': [{ url: absoluteUrl(origin, '/feed.xml'), title: `${info.siteName} · 文明动态` }] },
    },
  };
}

export default async function NewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <NewsListPage channel={null} page={pageParam((await searchParams).page)} />;
}
