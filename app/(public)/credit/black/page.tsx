import type { Metadata } from 'next';
import { CreditListPage } from '../../../_components/credit/credit-list-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '失信黑榜 - 诚信红黑榜' };

export default async function BlackListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <CreditListPage list="black" searchParams={await searchParams} />;
}
