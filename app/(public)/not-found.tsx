// A public page's notFound(), drawn inside app/(public)/layout.tsx: the message only, never a second
// header and footer. (Addresses that match no page get app/global-not-found.tsx, which brings the shell.) The
// message fits the address, which proxy.ts passes on (PATH_HEADER): chosen on the server, no client code.
import { headers } from 'next/headers';
import { PATH_HEADER } from '@/lib/inline-not-found';
import { notFoundKindOf } from '../_components/not-found-kind';
import { NotFoundMessage } from '../_components/not-found-message';

export const metadata = { title: '页面不存在' };

export default async function PublicNotFound() {
  const path = (await headers()).get(PATH_HEADER) ?? '/';
  return <NotFoundMessage kind={notFoundKindOf(path)} />;
}
