import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { findPublicBatchByMonth } from '@/db/queries/people';
import { PageNotFound } from '../../../../_components/page-not-found';
import { PeopleBatchPage } from '../../../../_components/people-batch-page';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ month: string }> };

async function load(month: string) {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? findPublicBatchByMonth(await getDb(), month) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const batch = await load((await params).month);
  return { title: batch ? batch.title : '页面不存在' };
}

export default async function BatchPage({ params }: Props) {
  const batch = await load((await params).month);
  if (!batch) return <PageNotFound kind="people-batch" />;
  const trail = [{ href: '/good-people', label: '好人榜' }, { href: '/good-people/batch', label: '往期榜单' }, { label: batch.title }];
  return <PeopleBatchPage batch={batch} heading={batch.title} trail={trail} />;
}
