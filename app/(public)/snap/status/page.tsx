import type { Metadata } from 'next';
import { normalizeIssueNo } from '@/lib/ledger-number';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { SnapStatusForm } from './snap-status-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '随手拍办理进度查询 - 问题整改台账', robots: { index: false } };

export default async function SnapStatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).no;
  // The receipt's link carries the number: the field comes filled in.
  const no = normalizeIssueNo((Array.isArray(raw) ? raw[0] : raw) ?? '').slice(0, 40);
  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/ledger', label: '问题整改台账' }, { href: '/snap', label: '随手拍' }, { label: '办理进度查询' }]} />
      <h1 className="text-2xl font-bold text-brand">随手拍办理进度查询</h1>
      <p className="text-sm text-muted">请输入提交问题时得到的回执号和您填写的联系电话。可以看到问题的全部办理过程，以及工作人员只告诉您本人的说明；问题销号后7天内可以评价办理结果。</p>
      <SnapStatusForm no={no || undefined} />
    </div>
  );
}
