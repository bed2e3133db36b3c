// The root not-found boundary. Next.js renders every boundary's fallback into every page's RSC payload,
// so this one is kept tiny: it is never what a visitor sees. Addresses that match no page get
// app/global-not-found.tsx (the site's shell), a public page's notFound() app/(public)/not-found.tsx and
// an editor's page's app/(admin)/admin/not-found.tsx, each inside its own shell.
import { Link } from './_components/page-link';

export const metadata = { title: '页面不存在' };

export default function NotFound() {
  return (
    <main id="main">
      <h1>页面不存在</h1>
      <Link href="/">返回首页</Link>
    </main>
  );
}
