// A public page's notFound(), drawn inside app/(public)/layout.tsx: the message only, never a second
// header and footer. (Addresses that match no page get app/not-found.tsx, which brings the shell.)
import { NotFoundByPath } from '../_components/not-found-by-path';
import type { NotFoundKind } from '../_components/not-found-kind';
import { NotFoundMessage } from '../_components/not-found-message';

export const metadata = { title: '页面不存在' };

const KINDS: NotFoundKind[] = ['page', 'credit-entry', 'credit-batch', 'article', 'person', 'people-batch', 'page-number'];

export default function PublicNotFound() {
  const messages = Object.fromEntries(KINDS.map((kind) => [kind, <NotFoundMessage key={kind} kind={kind} />])) as Record<NotFoundKind, React.ReactNode>;
  return <NotFoundByPath messages={messages} />;
}
