import Link from 'next/link';

const NAV = [
  { href: '/', label: '首页' },
  { href: '/news', label: '文明动态' },
  { href: '/good-people', label: '好人榜' },
  { href: '/credit', label: '诚信红黑榜' },
] as const;

export function SiteHeader({ siteName, city }: { siteName: string; city: string }) {
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-2xl font-bold tracking-wide">{siteName}</span>
          <span className="text-sm opacity-90">{city}创建全国文明城市</span>
        </Link>
        <form action="/search" method="get" role="search" className="flex w-full max-w-sm sm:w-auto">
          <label htmlFor="site-search" className="sr-only">
            站内搜索
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="搜索新闻、好人、企业名称或信用代码"
            className="min-w-0 flex-1 rounded-l border-0 bg-white px-3 py-2 text-ink placeholder:text-muted sm:w-72"
          />
          <button type="submit" className="rounded-r bg-brand-dark px-4 py-2 font-medium hover:bg-black/30">
            搜索
          </button>
        </form>
      </div>
      <nav aria-label="主导航" className="bg-brand-dark">
        <ul className="mx-auto flex max-w-6xl overflow-x-auto px-2">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block whitespace-nowrap px-4 py-3 text-base font-medium hover:bg-black/20">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
