import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { findPublicCreditEntry } from '@/db/queries/credit';
import { PageNotFound } from '../../../_components/page-not-found';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  return /^\d{1,15}$/.test(id) ? findPublicCreditEntry(await getDb(), Number(id)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entry = await load((await params).id);
  return entry ? { title: `${entry.name} - 诚信红黑榜` } : { title: '页面不存在' };
}

export default async function CreditEntryPage({ params }: Props) {
  const entry = await load((await params).id);
  if (!entry) return <PageNotFound kind="credit-entry" />;
  const isRed = entry.list === 'red';
  const rows: [string, React.ReactNode][] = [
    ['信息编号', String(entry.id)],
    ['榜单', isRed ? '守信红榜' : '失信黑榜'],
    ['类别', entry.category],
    ['主体类型', entry.subjectKind],
    ['统一社会信用代码', entry.creditCode],
    ['证件号码', entry.idNumberMasked],
    ['法定代表人（负责人）', entry.subjectKind === '自然人' ? null : entry.legalRep],
    [isRed ? '守信事迹' : '列入事由', entry.reason],
    ['涉及金额（元）', entry.amount],
    ['认定部门', entry.authority],
    ['认定依据（文号）', entry.basisDoc || null],
    ['认定日期', entry.decisionDate],
    ['公示日期', entry.listedDate],
    ['公示截止日期', entry.publicationEnd],
    [
      '发布批次',
      <Link key="batch" href={`/credit/batch/${entry.batchId}`} className="text-brand hover:underline">
        {entry.batchTitle}
      </Link>,
    ],
  ];
  return (
    <article className="mx-auto max-w-4xl rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/credit', label: '诚信红黑榜' }, { href: `/credit/${entry.list}`, label: isRed ? '守信红榜' : '失信黑榜' }]} />
      <h1 className="mt-4 text-2xl font-bold">{entry.name}</h1>
      <dl className="mt-4 divide-y divide-line border-y border-line">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-4">
              <dt className="text-muted">{label}</dt>
              <dd className="sm:col-span-3">{value}</dd>
            </div>
          ))}
      </dl>
      <p className="mt-4 text-sm text-muted">公示期满后本信息自动停止公示。如对本信息有异议，可依法提出异议申诉或申请信用修复。</p>
      <p className="mt-2">
        <Link href={`/credit/objection?entry=${entry.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
          对此信息有异议？申请异议申诉或信用修复
        </Link>
      </p>
    </article>
  );
}
