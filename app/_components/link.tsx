// The app's one link component: next/link (client-side navigation) with prefetching off. next/link prefetches
// every link that scrolls into view; on an admin page that was some 45 requests, each rendering a signed-in,
// uncached page with its queries (the page itself cost the server a seventh of that), for pages the editor
// mostly never opens. Without prefetching, a click fetches its page then. Public pages use PageLink (page-link.tsx), a plain <a>:
// they are served from the page cache and need no client router. ESLint (eslint.config.mjs) sends every
// import of next/link here.
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

export default function Link(props: Omit<ComponentProps<typeof NextLink>, 'prefetch'>) {
  return <NextLink {...props} prefetch={false} />;
}
