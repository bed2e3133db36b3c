import type { Metadata } from 'next';
import { CreditListPage } from '../../../_components/credit/credit-list-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '守信红榜 - 诚信红黑榜' };

export default async function RedListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <CreditListPage list="red" searchParams={await searchParams} />;
}
