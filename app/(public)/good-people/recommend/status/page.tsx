import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusForm } from '../../../../_components/good-people/status-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '推荐办理进度查询 - 好人榜' };

export default function RecommendStatusPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-8">
      <nav aria-label="位置" className="text-sm text-muted">
        <Link href="/good-people" className="hover:text-brand">
          好人榜
        </Link>{' '}
        &rsaquo;{' '}
        <Link href="/good-people/recommend" className="hover:text-brand">
          我推荐身边好人
        </Link>{' '}
        &rsaquo; 办理进度查询
      </nav>
      <h1 className="text-2xl font-bold text-brand">推荐办理进度查询</h1>
      <p className="text-sm text-muted">请输入推荐时得到的回执号和推荐人电话。</p>
      <StatusForm />
    </div>
  );
}
