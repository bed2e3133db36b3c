// 站内搜索: public news, good people and credit entries, with tabs per kind, highlighted matches and pages.
// Plain GET links and a plain form: it works without JavaScript.
import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { listChannels } from '@/db/queries/news';
import { clampSearchPage, type RunnableQuery, type SearchTab, type SiteSearchResult } from '@/db/queries/search';
import { cachedSiteSearch } from '@/server/public-lookups';
import { looksLikeCode, MAX_QUERY, parseSearchQuery } from '@/lib/search-text';
import { Breadcrumb } from '../../_components/breadcrumb';
import { PageNotFound } from '../../_components/page-not-found';
import { pageParam, Pagination } from '../../_components/pagination';
import { countText, NoResults, SearchResult, SearchTabs, searchHref, TABS } from './search-parts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '站内搜索', robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function tabParam(value: string | undefined): SearchTab {
  return TABS.find((t) => t.tab === value)?.tab ?? 'all';
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  // Anything far beyond the 50 characters searched is cut before normalising.
  const query = parseSearchQuery(first(params.q)?.slice(0, 500));
  const shown = query.kind === 'empty' ? '' : query.text;
  const runnable = query.kind === 'words' || query.kind === 'code' ? query : null;
  const tab = tabParam(first(params.type));
  const result = runnable ? await cachedSiteSearch(runnable, tab, clampSearchPage(pageParam(params.page))) : null;
  // ?page=40 past the last page of results: a wrong address (404), not an empty page.
  if (result && result.page > 1 && result.hits.length === 0) return <PageNotFound kind="page-number" />;
  return (
    <div className="space-y-4">
      <Breadcrumb trail={[{ label: '站内搜索' }]} />
      <h1 className="text-2xl font-bold text-brand">站内搜索</h1>
      <form action="/search" method="get" role="search" aria-label="搜索本站内容" className="flex max-w-xl">
        <label htmlFor="search-q" className="sr-only">
          搜索关键词
        </label>
        <input id="search-q" name="q" type="search" defaultValue={shown} className="min-w-0 flex-1 rounded-l border border-line bg-paper px-3 py-2" />
        <button type="submit" className="rounded-r bg-brand px-5 py-2 text-on-brand hover:bg-brand-dark">
          搜索
        </button>
      </form>
      {query.kind === 'empty' && <p className="text-muted">请输入关键词，例如“志愿服务”“诚信”、企业名称中的几个字，或18位统一社会信用代码。多个词用空格隔开，简体、繁體均可。</p>}
      {(query.kind === 'invalid' || query.kind === 'badCode') && (
        <>
          <p role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-brand">
            {query.message}
          </p>
          <NoResults text={query.text} codeLike={query.kind === 'badCode'} channels={await listChannels(await getDb())} />
        </>
      )}
      {runnable && result && <Results query={runnable} tab={tab} result={result} />}
    </div>
  );
}

async function Results({ query, tab, result }: { query: RunnableQuery; tab: SearchTab; result: SiteSearchResult }) {
  const db = await getDb();
  const words = query.kind === 'words' ? query.words : [query.code];
  const label = TABS.find((t) => t.tab === tab)!.label;
  return (
    <>
      <SearchTabs text={query.text} active={tab} counts={result.counts} />
      <p role="status" className="text-muted">
        {result.total > 0 ? `${tab === 'all' ? '' : `${label}中`}与“${query.text}”相关的结果共 ${countText(result.total)} 条。` : `${tab === 'all' ? '' : `${label}中`}没有找到与“${query.text}”相关的结果。`}
        {query.kind === 'words' && query.truncated && ` 关键词过长，只按前${MAX_QUERY}个字搜索。`}
        {query.kind === 'words' && query.ignored.length > 0 && ` 单个的字“${query.ignored.join('”“')}”未参与搜索。`}
      </p>
      {result.total === 0 ? (
        <NoResults text={query.text} codeLike={query.kind === 'code' || looksLikeCode(query.text)} channels={await listChannels(db)} />
      ) : (
        <section aria-labelledby="results-title" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="results-title" className="sr-only">
            搜索结果（{label}）
          </h2>
          {result.hits.length === 0 ? (
            <p className="text-muted">这一页没有更多结果了，请返回前面的页。</p>
          ) : (
            <ol className="divide-y divide-line">
              {result.hits.map((hit) => (
                <SearchResult key={`${hit.kind}-${hit.id}`} hit={hit} words={words} />
              ))}
            </ol>
          )}
          {/* The page count is capped (no deep OFFSETs), so no total is shown here. */}
          <Pagination page={result.page} pageCount={result.pageCount} href={(p) => searchHref(query.text, tab, p)} />
        </section>
      )}
    </>
  );
}
