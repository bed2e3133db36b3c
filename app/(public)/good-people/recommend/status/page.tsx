import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { normalizeTrackingNo } from '@/lib/citizen-input';
import { StatusForm } from '../../../../_components/good-people/status-form';
import { Breadcrumb } from '../../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '推荐办理进度查询 - 好人榜', robots: { index: false } };

export default async function RecommendStatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).no;
  // The receipt's link carries the number: the field comes filled in.
  const receiptNo = normalizeTrackingNo((Array.isArray(raw) ? raw[0] : raw) ?? '').slice(0, 40);
  const times = await getSetting(await getDb(), 'handlingTimes');
  return (
    <div className="mx-auto max-w-2xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/good-people', label: '好人榜' }, { href: '/good-people/recommend', label: '我推荐身边好人' }, { label: '办理进度查询' }]} />
      <h1 className="text-2xl font-bold text-brand">推荐办理进度查询</h1>
      <p className="text-sm text-muted">请输入推荐时得到的回执号和推荐人电话。</p>
      <p className="rounded bg-canvas px-3 py-2 text-sm" data-testid="handling-time">
        办理时限：工作人员在收到推荐后 <strong>{times.recommendationDays}</strong> 个工作日内完成核实，结果可在本页查询。
      </p>
      <StatusForm receiptNo={receiptNo || undefined} />
    </div>
  );
}
