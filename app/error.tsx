'use client';

import Link from '@/app/_components/link';
import { useEffect } from 'react';

// Shown instead of a stack trace when a page fails; the digest lets IT find the server log entry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold text-brand">页面暂时无法显示</h1>
      <p className="mt-3 text-muted">服务器处理请求时出现问题，请稍后重试。如问题持续，请联系网站管理员。</p>
      {error.digest && <p className="mt-2 text-sm text-muted">错误编号：{error.digest}</p>}
      <p className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          重试
        </button>
        <Link href="/" className="rounded border border-brand px-4 py-2 text-brand">
          返回首页
        </Link>
      </p>
    </main>
  );
}
