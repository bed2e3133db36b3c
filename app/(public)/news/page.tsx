import type { Metadata } from 'next';
import { NewsListPage } from '../../_components/news-list-page';
import { pageParam } from '../../_components/pagination';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '文明动态' };

export default async function NewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <NewsListPage channel={null} page={pageParam((await searchParams).page)} />;
}
