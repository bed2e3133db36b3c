import type { Metadata } from 'next';
import Link from 'next/link';
import { normalizeTrackingNo } from '@/lib/citizen-input';
import { StatusForm } from './status-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '申请进度查询 - 诚信红黑榜', robots: { index: false } };

export default async function ObjectionStatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).no;
  const trackingNo = normalizeTrackingNo((Array.isArray(raw) ? raw[0] : raw) ?? '').slice(0, 40);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/credit" className="hover:text-brand">
          诚信红黑榜
        </Link>{' '}
        &rsaquo;{' '}
        <Link href="/credit/objection" className="hover:text-brand">
          异议申诉与信用修复
        </Link>{' '}
        &rsaquo; 进度查询
      </nav>
      <h1 className="text-2xl font-bold text-brand">异议申诉与信用修复进度查询</h1>
      <p className="text-sm text-muted">办理流程：待审核 → 待核实 → 已通过 / 未通过 → 已完成。</p>
      <StatusForm trackingNo={trackingNo || undefined} />
    </div>
  );
}
