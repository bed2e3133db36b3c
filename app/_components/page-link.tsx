// Links between the portal's public pages: a plain <a>, not next/link. A click loads the page as a document,
// which the page cache answers before Next.js (server/http/front-cache.ts), and public pages ship none of the
// client router's link code. (next/link's client-side navigation asks for RSC payloads, which are never cached.)

type Props = Omit<React.ComponentProps<'a'>, 'href'> & { href: string };

export function Link({ href, ...props }: Props) {
  return <a href={href} {...props} />;
}
