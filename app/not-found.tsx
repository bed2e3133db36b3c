import Link from 'next/link';
import { SiteShell } from './_components/site-shell';

export const metadata = { title: '页面不存在' };

export default function NotFound() {
  return (
    <SiteShell>
      <div className="mx-auto max-w-xl rounded-lg bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-bold text-brand">页面不存在</h1>
        <p className="mt-3 text-muted">您访问的页面可能已被移除、更名，或暂时不可用。</p>
        <p className="mt-6 flex justify-center gap-4">
          <Link href="/" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
            返回首页
          </Link>
          <Link href="/search" className="rounded border border-brand px-4 py-2 text-brand hover:bg-brand-soft">
            站内搜索
          </Link>
        </p>
      </div>
    </SiteShell>
  );
}
