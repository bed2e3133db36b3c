// The root unauthorized boundary (authInterrupts). The portal never calls unauthorized() (pages send visitors
// to /login instead); the file exists so that Next.js does not put its built-in fallback, with its inline
// styles, into every page's RSC payload (once at the root and once more per route group). Kept tiny for the
// same reason.
import { Link } from './_components/page-link';

export const metadata = { title: '请先登录' };

export default function Unauthorized() {
  return (
    <main id="main">
      <h1>请先登录（401）</h1>
      <Link href="/login">登录</Link>
    </main>
  );
}
