import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findChannelBySlug } from '@/db/queries/news';
import { NewsListPage } from '../../../../_components/news-list-page';
import { pageParam } from '../../../../_components/pagination';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ channel: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await findChannelBySlug(await getDb(), (await params).channel);
  return { title: channel ? `${channel.name} - 文明动态` : '页面不存在' };
}

export default async function ChannelPage({ params, searchParams }: Props) {
  const channel = await findChannelBySlug(await getDb(), (await params).channel);
  if (!channel) notFound();
  return <NewsListPage channel={channel} page={pageParam((await searchParams).page)} />;
}
