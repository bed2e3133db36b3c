import { PUBLIC_NAV } from '@/lib/domains';
import { Link } from './page-link';
import { DisplaySwitches } from './display-switches';
import { ScriptSwitch } from './script-switch';

// The home page, then each content domain's entries (lib/domains) in the registry's order.
const NAV = [{ href: '/', label: '首页' }, ...PUBLIC_NAV];

/**
 * A server component with no client component inside (the switches work through the page's inline script,
 * app/_components/page-script.ts), and plain links: a click loads the page as a document, which the page cache
 * answers. The public masthead: tool bar (简/繁, 大字版, 高对比度), site name, site search, main navigation. Its colours
 * are the masthead tokens of globals.css, so the high-contrast palette turns it black with yellow text.
 */
export function SiteHeader({ siteName, city }: { siteName: string; city: string }) {
  return (
    <header className="site-header bg-masthead text-on-masthead">
      <div className="print-hidden bg-masthead-nav">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-2 px-4 py-1.5">
          <ScriptSwitch />
          <DisplaySwitches />
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-2xl font-bold tracking-wide">{siteName}</span>
          <span className="text-sm">{city}创建全国文明城市</span>
        </Link>
        <form action="/search" method="get" role="search" aria-label="站内搜索" className="flex w-full max-w-sm sm:w-auto">
          <label htmlFor="site-search" className="sr-only">
            站内搜索
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="搜索新闻、好人、企业"
            title="可搜索新闻、好人、企业名称或统一社会信用代码"
            className="min-w-0 flex-1 rounded-l border border-line bg-white px-2 py-2 text-ink sm:px-3 placeholder:text-muted sm:w-72"
          />
          <button type="submit" className="rounded-r bg-brand-dark px-3 py-2 sm:px-4 font-medium text-white hover:bg-black/30">
            搜索
          </button>
        </form>
      </div>
      {/* Items wrap onto a second row when they do not fit (大字版 on a phone): every section stays in view. */}
      <nav aria-label="主导航" className="bg-masthead-nav">
        <ul className="mx-auto flex max-w-6xl flex-wrap px-2">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block whitespace-nowrap px-3 py-3 text-base font-medium hover:bg-black/20 sm:px-4">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
