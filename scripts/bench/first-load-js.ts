// npm run bench:js -- <origin>: first-load JS of the floor (an empty page) and of every public page kind of a
// running server, by the bench's own method (scripts/bench/measure.ts), without the load tests. The article
// and the profile are the first ones the news list and 好人榜 link to.
import { firstLoadJs } from './measure';
import { FLOOR_PAGE } from './report';

async function firstLink(origin: string, listPath: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${origin}${listPath}`)).text();
  for (const [, href] of html.matchAll(/href="([^"]+)"/g)) if (href && pattern.test(href)) return href;
  throw new Error(`${listPath} links to no page like ${pattern}`);
}

async function main(): Promise<void> {
  const origin = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const pages = [
    { page: FLOOR_PAGE, path: '/bench/floor' },
    { page: 'home', path: '/' },
    { page: 'news list', path: '/news' },
    { page: 'article', path: await firstLink(origin, '/news', /^\/news\/(?!channel\/|tag\/)[^/?#]+$/) },
    { page: 'good people', path: '/good-people' },
    { page: 'profile', path: await firstLink(origin, '/good-people', /^\/good-people\/\d+$/) },
    { page: 'black list', path: '/credit/black' },
    { page: 'credit lookup', path: `/credit?q=${encodeURIComponent('江城')}` },
    { page: 'search', path: `/search?q=${encodeURIComponent('诚信')}` },
  ];
  const results = await firstLoadJs(origin, pages);
  const floor = results[0]!;
  for (const r of results) {
    const over = r === floor ? '' : ` (+${((r.gzipBytes - floor.gzipBytes) / 1000).toFixed(1)} kB over the floor)`;
    console.log(`${r.page.padEnd(20)} ${String(r.status)} ${String(r.scripts).padStart(2)} scripts ${(r.gzipBytes / 1000).toFixed(1).padStart(6)} kB gzip${over}  HTML ${(r.htmlBytes / 1000).toFixed(1)} kB, payload ${(r.payloadBytes / 1000).toFixed(1)} kB  ${decodeURIComponent(r.path)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
