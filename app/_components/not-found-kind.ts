// The kinds of 404 the public site tells apart (app/_components/not-found-message.tsx words them).
export type NotFoundKind = 'page' | 'credit-entry' | 'credit-batch' | 'article' | 'person' | 'people-batch' | 'page-number';

/** The kind of a public address, for the 404 of app/(public)/not-found.tsx. */
export function notFoundKindOf(pathname: string): NotFoundKind {
  if (/^\/credit\/\d+$/.test(pathname)) return 'credit-entry';
  if (/^\/credit\/batch\//.test(pathname)) return 'credit-batch';
  if (/^\/news\/(?!channel\/|tag\/)[^/]+$/.test(pathname)) return 'article';
  if (/^\/good-people\/\d+$/.test(pathname)) return 'person';
  if (/^\/good-people\/batch\//.test(pathname)) return 'people-batch';
  return 'page';
}
