import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { absoluteUrl, siteOrigin } from '@/server/site-url';
import { NewsListPage } from '../../../../_components/news-list-page';
import { PageNotFound } from '../../../../_components/page-not-found';
import { pageParam } from '../../../../_components/pagination';
import { publicNewsData } from '@/server/public-news';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ channel: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await publicNewsData.channelBySlug((await params).channel);
  if (!channel) return { title: '页面不存在' };
  const [origin, info] = await Promise.all([siteOrigin(), getSetting(await getDb(), 'siteInfo')]);
  const path = `/news/channel/${channel.slug}`;
  return {
    title: `${channel.name} - 文明动态`,
    alternates: {
      types: { 'application/rss+xml': [{ url: absoluteUrl(origin, `${path}/feed.xml`), title: `${info.siteName} · 文明动态 · ${channel.name}` }] },
    },
  };
}

export default async function ChannelPage({ params, searchParams }: Props) {
  const channel = await publicNewsData.channelBySlug((await params).channel);
  if (!channel) return <PageNotFound kind="page" />;
  return <NewsListPage channel={channel} page={pageParam((await searchParams).page)} />;
}
