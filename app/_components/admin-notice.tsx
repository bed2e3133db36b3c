import Link from '@/app/_components/link';

/** A full-page message inside the admin shell (its 404 and 403), with the way back to the dashboard. */
export function AdminNotice({ title, text }: { title: string; text: string }) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <h1 className="text-2xl font-bold text-brand">{title}</h1>
      <p className="mt-3 text-muted">{text}</p>
      <p className="mt-6">
        <Link href="/admin" className="rounded bg-brand px-4 py-2 text-white hover:bg-brand-dark">
          返回管理后台首页
        </Link>
      </p>
    </div>
  );
}
