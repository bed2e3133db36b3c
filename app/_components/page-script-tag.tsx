'use client';
// The site's one inline script (./page-script.ts) in <head>, rendered by a client component: the HTML still
// carries it inline (it must run before the first paint), but its text travels to the browser in this
// module's JS chunk, fetched once and cached, instead of in every page's RSC payload (4.4 kB a page).
import { PAGE_SCRIPT } from './page-script';

export function PageScriptTag({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PAGE_SCRIPT }} />;
}
