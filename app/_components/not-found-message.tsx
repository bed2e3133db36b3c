// What a reader sees on a 404: one message for the whole site, with a word about why a page of this kind
// can be gone (credit entries leave the lists when their publication period ends) and where to go instead.
import { Link } from '@/app/_components/page-link';
import { PAGE_GONE_TEXT } from '@/lib/inline-not-found';
import type { NotFoundKind } from './not-found-kind';

export type { NotFoundKind };

const WHY: Record<NotFoundKind, string> = {
  page: PAGE_GONE_TEXT,
  'credit-entry':
    '诚信红黑榜的信息只在公示期内显示：公示期满后自动停止公示，依法移出或撤销的信息也不再显示。如需了解仍在公示中的信息，可在诚信红黑榜按名称或统一社会信用代码查询。',
  'credit-batch': '该发布批次不存在或尚未发布。批次中公示期满的信息会自动停止公示。',
  article: '该文章可能已撤下、更名，或网址有误。',
  person: '该人物的信息尚未公开或已撤下，点赞评议中的候选人仅在评议期内显示。',
  'people-batch': '该月份的好人榜尚未发布或不存在。',
  'page-number': '页码超出了列表的范围：列表没有这么多页，请从第一页开始浏览。',
};

const SECTION: Partial<Record<NotFoundKind, { href: string; label: string }>> = {
  'credit-entry': { href: '/credit', label: '查询诚信红黑榜' },
  'credit-batch': { href: '/credit/batch', label: '全部发布批次' },
  article: { href: '/news', label: '文明动态' },
  person: { href: '/good-people', label: '好人榜' },
  'people-batch': { href: '/good-people/batch', label: '往期榜单' },
};

export function NotFoundMessage({ kind = 'page' }: { kind?: NotFoundKind }) {
  const section = SECTION[kind];
  return (
    <div className="mx-auto max-w-xl rounded-lg bg-white p-8 text-center shadow-sm" data-testid="not-found">
      <h1 className="text-2xl font-bold text-brand">页面不存在</h1>
      <p className="mt-3 text-left text-muted sm:text-center">{WHY[kind]}</p>
      <p className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href="/" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          返回首页
        </Link>
        {section && (
          <Link href={section.href} className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-soft">
            {section.label}
          </Link>
        )}
        <Link href="/search" className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-soft">
          站内搜索
        </Link>
      </p>
    </div>
  );
}
