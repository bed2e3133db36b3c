// The root forbidden boundary, kept tiny because Next.js renders it into every page's RSC payload. Only the
// editors' pages call forbidden(): they get app/(admin)/admin/forbidden.tsx inside the admin shell.
import { Link } from './_components/page-link';

export const metadata = { title: '无权访问' };

export default function Forbidden() {
  return (
    <main id="main">
      <h1>无权访问（403）</h1>
      <Link href="/admin">返回管理后台首页</Link>
    </main>
  );
}
