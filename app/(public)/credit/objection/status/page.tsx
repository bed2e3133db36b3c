import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { getSetting } from '@/db/queries/settings';
import { normalizeTrackingNo } from '@/lib/citizen-input';
import { StatusForm } from './status-form';
import { Breadcrumb } from '../../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '申请进度查询 - 诚信红黑榜', robots: { index: false } };

export default async function ObjectionStatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).no;
  const trackingNo = normalizeTrackingNo((Array.isArray(raw) ? raw[0] : raw) ?? '').slice(0, 40);
  const times = await getSetting(await getDb(), 'handlingTimes');
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Breadcrumb trail={[{ href: '/credit', label: '诚信红黑榜' }, { href: '/credit/objection', label: '异议申诉与信用修复' }, { label: '进度查询' }]} />
      <h1 className="text-2xl font-bold text-brand">异议申诉与信用修复进度查询</h1>
      <p className="text-sm text-muted">办理流程：待审核 → 待核实 → 已通过 / 未通过 → 已完成。</p>
      <p className="rounded bg-white px-3 py-2 text-sm shadow-sm" data-testid="handling-time">
        办理时限：异议申诉自受理之日起 <strong>{times.objectionDays}</strong> 个工作日内办结，信用修复自受理之日起 <strong>{times.repairDays}</strong>{' '}
        个工作日内办结；需要补充材料的，补充期间不计入办理时限。
      </p>
      <StatusForm trackingNo={trackingNo || undefined} />
    </div>
  );
}
