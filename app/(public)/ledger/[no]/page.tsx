import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { ledgerItem, type LedgerPhoto } from '@/db/queries/ledger/ledger';
import { formatDateTime, formatDay } from '@/lib/dates';
import { isIssueNo, normalizeIssueNo } from '@/lib/ledger-number';
import { decodeSegment } from '@/lib/routes';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { MediaImage } from '../../../_components/media-image';
import { PageNotFound } from '../../../_components/page-not-found';
import { IssueStatusBadge, OverdueBadge } from '../ledger-badges';
import { Timeline } from '../timeline';
import { timelineSteps } from '../timeline-steps';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ no: string }> };

async function load(no: string) {
  const decoded = decodeSegment(no);
  return decoded !== null && isIssueNo(decoded) ? ledgerItem(await getDb(), normalizeIssueNo(decoded)) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const item = await load((await params).no);
  return item ? { title: `${item.no} ${item.categoryName} - 问题整改台账` } : { title: '页面不存在' };
}

export default async function LedgerItemPage({ params }: Props) {
  const item = await load((await params).no);
  if (!item) return <PageNotFound kind="page" />;
  const place = [item.area, item.address].filter(Boolean).join(' · ');
  const rows: [string, React.ReactNode][] = [
    ['问题类别', item.categoryName],
    ['问题来源', item.source],
    ['地点', place],
    ['位置（约100米范围）', item.publicLat !== null && item.publicLng !== null ? `北纬 ${item.publicLat.toFixed(3)}，东经 ${item.publicLng.toFixed(3)}` : null],
    ['提交时间', formatDay(item.createdAt)],
    [
      '责任单位',
      item.unitId && item.unitName ? (
        <Link key="unit" href={`/units/${item.unitId}`} className="text-brand underline-offset-2 hover:underline">
          {item.unitName}
        </Link>
      ) : (
        '待交办'
      ),
    ],
    ['交办日期', item.assignedAt ? formatDay(item.assignedAt) : null],
    ['整改期限', item.deadlineAt ? formatDateTime(item.deadlineAt) : null],
    ['计划完成日期', item.status === 'planned' && item.plannedDate ? item.plannedDate : null],
    ['销号日期', item.closedAt ? formatDay(item.closedAt) : null],
    ['反映人', item.reporterName],
    ['“我也遇到”', item.supports > 0 ? `${item.supports} 人` : null],
  ];
  const before = item.photos.filter((p) => p.stage === 'before');
  const after = item.photos.filter((p) => p.stage === 'after');
  return (
    <article className="mx-auto max-w-4xl space-y-6 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <Breadcrumb trail={[{ href: '/ledger', label: '问题整改台账' }, { label: item.no }]} />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">
          <span className="whitespace-nowrap font-mono">{item.no}</span> <span className="text-lg font-normal text-muted">{item.categoryName}</span>
        </h1>
        <p className="flex flex-wrap items-center gap-2">
          <IssueStatusBadge status={item.status} />
          {item.overdue && <OverdueBadge closedLate={item.overdue === 'closed_late'} />}
        </p>
      </header>
      <section aria-labelledby="issue-description">
        <h2 id="issue-description" className="mb-2 text-lg font-bold">
          问题描述
        </h2>
        <p className="whitespace-pre-line break-words leading-7">{item.description}</p>
      </section>
      <dl className="divide-y divide-line border-y border-line">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-4">
              <dt className="text-muted">{label}</dt>
              <dd className="break-words sm:col-span-3">{value}</dd>
            </div>
          ))}
      </dl>
      {/* Published, redacted copies only (never the originals, never for 不文明行为). */}
      {(before.length > 0 || after.length > 0) && (
        <section aria-labelledby="issue-photos" className="space-y-3">
          <h2 id="issue-photos" className="text-lg font-bold">
            现场照片
          </h2>
          <PhotoGroup label="整改前" photos={before} no={item.no} />
          <PhotoGroup label="整改后" photos={after} no={item.no} />
          <p className="text-xs text-muted">公开的照片已由工作人员遮挡人脸、车牌等个人信息。</p>
        </section>
      )}
      <section aria-labelledby="issue-timeline">
        <h2 id="issue-timeline" className="mb-2 text-lg font-bold">
          办理过程
        </h2>
        <Timeline steps={timelineSteps(item.timeline)} />
      </section>
      {item.rating && (
        <section aria-labelledby="issue-rating" className="rounded border border-line p-4">
          <h2 id="issue-rating" className="text-lg font-bold">
            反映人评价
          </h2>
          <p className="mt-1">
            <strong>{item.rating}</strong>
            {item.ratedAt && <span className="ml-2 text-sm text-muted">{formatDay(item.ratedAt)}</span>}
          </p>
          {item.ratingComment && <p className="mt-1 whitespace-pre-line break-words">{item.ratingComment}</p>}
        </section>
      )}
      <p className="text-sm">
        <Link href="/ledger" className="text-brand hover:underline">
          返回问题整改台账
        </Link>
      </p>
    </article>
  );
}

function PhotoGroup({ label, photos, no }: { label: string; photos: LedgerPhoto[]; no: string }) {
  if (photos.length === 0) return null;
  return (
    <figure>
      <figcaption className="mb-2 text-sm text-muted">{label}</figcaption>
      <ul className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2">
        {photos.map((p, i) => (
          <li key={p.id}>
            <MediaImage storageKey={p.storageKey} variants={p.variants} alt={`${no} ${label}照片${i + 1}`} sizes="(min-width: 896px) 26rem, (min-width: 480px) 50vw, 100vw" width={640} className="h-auto w-full rounded border border-line" />
          </li>
        ))}
      </ul>
    </figure>
  );
}
