import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { findLatestPublicBatch } from '@/db/queries/people';
import { PeopleBatchPage } from '../../_components/people-batch-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '好人榜' };

export default async function GoodPeoplePage() {
  const batch = await findLatestPublicBatch(await getDb());
  return <PeopleBatchPage batch={batch} heading={batch ? batch.title : '好人榜'} />;
}
