// 404 pages with their content in the HTML. A page's notFound() makes Next.js answer 404 with an empty
// document (<html id="__next_error__">): the message arrives only in the RSC payload, so readers without
// JavaScript and crawlers see a blank page. proxy.ts, which renders public pages over loopback anyway,
// then asks for the page once more with this header: the page (app/_components/page-not-found.tsx) renders
// its not-found message as ordinary content, and the proxy sends that with status 404.

/**
 * The path of the request, set by proxy.ts on every request it passes to a page (a visitor's own value is
 * replaced): app/(public)/not-found.tsx words its message for it on the server.
 */
export const PATH_HEADER = 'x-civic-path';

/** Set only by proxy.ts on its own loopback requests; removed from visitors' requests. */
export const INLINE_NOT_FOUND_HEADER = 'x-civic-inline-not-found';

/** The document Next.js sends for an error thrown while rendering the page shell (notFound() included). */
export function isEmptyErrorDocument(html: string): boolean {
  return /^<!DOCTYPE html><html id="__next_error__"/i.test(html.slice(0, 200));
}
