'use client';
// Chooses the 404 message for the address shown (app/(public)/not-found.tsx has no params). The messages
// are rendered on the server and passed in, so their text is converted in 繁體 mode like the rest.
import { usePathname } from 'next/navigation';
import { notFoundKindOf, type NotFoundKind } from './not-found-kind';

export function NotFoundByPath({ messages }: { messages: Record<NotFoundKind, React.ReactNode> }) {
  return <>{messages[notFoundKindOf(usePathname() ?? '/')]}</>;
}
