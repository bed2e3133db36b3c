import Link from 'next/link';

export const metadata = { title: '无权访问' };

/** forbidden() of an editor's page (server/auth.ts requirePageUser): the message inside the admin shell. */
export default function AdminForbidden() {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-bold text-brand">无权访问（403）</h1>
      <p className="mt-3 text-muted">您的账号没有访问此页面的权限。如需开通，请联系管理员。</p>
      <p className="mt-6">
        <Link href="/admin" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          返回管理后台首页
        </Link>
      </p>
    </div>
  );
}
