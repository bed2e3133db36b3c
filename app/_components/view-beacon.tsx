// Tells the server once per page view that the page was read (see server/view-counter.ts). News articles
// pass their id; other pages pass the endpoint of their own counter (e.g. /api/good-people/7/view). A small
// inline script with the request's CSP nonce (proxy.ts), run once as the document loads: public pages are
// reached by plain links, so every view is a document load; no React code reaches the browser.
import { headers } from 'next/headers';

export async function ViewBeacon({ articleId, url }: { articleId?: number; url?: string }) {
  const target = url ?? (articleId ? `/api/news/${articleId}/view` : null);
  if (!target) return null;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  // `<` escaped: the address can never end the script element early.
  const address = JSON.stringify(target).replace(/</g, '\\u003c');
  const script = `(function(u){try{if(navigator.sendBeacon&&navigator.sendBeacon(u))return}catch(e){}fetch(u,{method:'POST',keepalive:true,credentials:'same-origin'}).catch(function(){})})(${address})`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
