// A public page's "not found", used instead of calling notFound() directly. Normally it is notFound() (Next.js
// answers 404); on proxy.ts's second loopback request (lib/inline-not-found.ts) it renders the message as
// the page's content, which the proxy sends with status 404, so the 404 HTML has the message in it.
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { INLINE_NOT_FOUND_HEADER } from '@/lib/inline-not-found';
import { NotFoundMessage, type NotFoundKind } from './not-found-message';

export async function PageNotFound({ kind }: { kind: NotFoundKind }) {
  if ((await headers()).get(INLINE_NOT_FOUND_HEADER) !== '1') notFound();
  return (
    <>
      <meta name="robots" content="noindex" />
      <NotFoundMessage kind={kind} />
    </>
  );
}
