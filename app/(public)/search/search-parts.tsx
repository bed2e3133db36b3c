// Pieces of the search page: highlighted text, kind tabs with counts, one result, page links, and the
// page shown when nothing is found. Server components: tabs and pages are plain links (GET, no JS).
import { Link } from '@/app/_components/page-link';
import { COUNT_CAP, type SearchHit, type SearchKind, type SearchTab } from '@/db/queries/search';
import { SEARCH_KINDS, SEARCH_TAB_LABELS } from '@/lib/domains';
import { highlight, snippet, type Segment } from '@/lib/search-text';

// One tab per domain with a search source, labelled and ordered by the registry (lib/domains).
export const KIND_LABELS: Record<SearchKind, string> = SEARCH_TAB_LABELS;
export const TABS: { tab: SearchTab; label: string }[] = [{ tab: 'all', label: '全部' }, ...SEARCH_KINDS.map((tab) => ({ tab, label: KIND_LABELS[tab] }))];

export function searchHref(text: string, tab: SearchTab, page = 1): string {
  const params = new URLSearchParams({ q: text });
  if (tab !== 'all') params.set('type', tab);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/** A count as shown on a tab: capped counts read "1000+". */
export function countText(n: number): string {
  return n > COUNT_CAP ? `${COUNT_CAP}+` : String(n);
}

export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.mark ? (
          <mark key={i} className="bg-brand-soft font-semibold text-brand">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

export function SearchTabs({ text, active, counts }: { text: string; active: SearchTab; counts: Record<SearchKind, number> }) {
  const total = SEARCH_KINDS.reduce((sum, kind) => sum + counts[kind], 0);
  return (
    <nav aria-label="搜索结果分类" className="border-b border-line">
      <ul className="flex overflow-x-auto">
        {TABS.map(({ tab, label }) => {
          const n = tab === 'all' ? total : counts[tab];
          const current = tab === active;
          return (
            <li key={tab}>
              <Link
                href={searchHref(text, tab)}
                aria-current={current ? 'page' : undefined}
                className={`-mb-px block whitespace-nowrap border-b-2 px-4 py-2 ${current ? 'border-brand font-bold text-brand' : 'border-transparent text-ink hover:text-brand'}`}
              >
                {label}（{countText(n)}）
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function SearchResult({ hit, words }: { hit: SearchHit; words: string[] }) {
  const excerpt = snippet(hit.text, words);
  return (
    <li className="py-3">
      <article>
        <h3 className="text-lg font-medium">
          <Link href={hit.href} className="hover:text-brand hover:underline">
            <Marked segments={highlight(hit.title, words)} />
          </Link>
        </h3>
        {hit.creditCode && (
          <p className="font-mono text-sm text-muted">
            统一社会信用代码：
            <Marked segments={highlight(hit.creditCode, words)} />
          </p>
        )}
        {excerpt.length > 0 && (
          <p className="mt-1 text-sm leading-relaxed">
            <Marked segments={excerpt} />
          </p>
        )}
        <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-muted">
          <span className="rounded border border-brand px-1.5 text-xs text-brand">{KIND_LABELS[hit.kind]}</span>
          <span>{hit.label}</span>
          {hit.date && <time dateTime={hit.date}>{hit.date}</time>}
        </p>
      </article>
    </li>
  );
}

const CODE_HINT =
  '统一社会信用代码共18位，由数字和大写字母组成（不使用 I、O、S、V、Z），最后一位是按前17位计算的校验位。请逐位核对，常见错误是把数字 0、1、5、2 写成字母 O、I、S、Z。';

/** Nothing found (or nothing to search): the query echoed, what to try, and where to browse instead. */
export function NoResults({ text, codeLike, channels }: { text: string; codeLike: boolean; channels: { slug: string; name: string }[] }) {
  return (
    <section aria-labelledby="no-results-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="no-results-title" className="text-lg font-bold">
        没有找到与“{text}”相关的内容
      </h2>
      <h3 className="mt-3 font-medium">您可以试试：</h3>
      <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
        <li>检查关键词是否有错别字；简体、繁體均可搜索。</li>
        <li>减少关键词的数量，或换用更短、更常用的词，例如“诚信”“志愿服务”。</li>
        <li>查找企业时输入字号中的几个字（如“诚信达”），不必输入“有限公司”等字样；也可输入完整的18位统一社会信用代码。</li>
        {codeLike && <li>{CODE_HINT}</li>}
        <li>已公示期满或已移出的红黑榜信息不再显示；自然人姓名不提供检索。</li>
      </ul>
      <h3 className="mt-4 font-medium">按栏目浏览：</h3>
      <ul className="mt-1 flex flex-wrap gap-2 text-sm">
        {channels.map((c) => (
          <li key={c.slug}>
            <Link href={`/news/channel/${c.slug}`} className="inline-block rounded border border-line px-3 py-1 hover:border-brand hover:text-brand">
              {c.name}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/good-people" className="inline-block rounded border border-line px-3 py-1 hover:border-brand hover:text-brand">
            好人榜
          </Link>
        </li>
        <li>
          <Link href="/credit/red" className="inline-block rounded border border-line px-3 py-1 hover:border-brand hover:text-brand">
            守信红榜
          </Link>
        </li>
        <li>
          <Link href="/credit/black" className="inline-block rounded border border-line px-3 py-1 hover:border-brand hover:text-brand">
            失信黑榜
          </Link>
        </li>
      </ul>
    </section>
  );
}
