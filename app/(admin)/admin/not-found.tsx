import Link from 'next/link';

export const metadata = { title: '页面不存在' };

/** A record an editor's page cannot find (or may not see): the message inside the admin shell. */
export default function AdminNotFound() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-bold text-brand">页面不存在</h1>
      <p className="mt-3 text-muted">该记录不存在、已被删除，或不在您的职责范围内。</p>
      <p className="mt-6">
        <Link href="/admin" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          返回管理后台首页
        </Link>
      </p>
    </div>
  );
}
