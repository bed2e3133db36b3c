import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { cappedPageCount, totalText } from '@/db/queries/capped-count';
import { countPublicCreditByCategory, CREDIT_PAGE_SIZE, findLatestPublicCreditBatch, listPublicEntriesOfBatch, type PublicCreditPage } from '@/db/queries/credit';
import { formatDay } from '@/lib/dates';
import { parseCreditLookup, type CreditLookup } from '@/lib/credit-lookup';
import { cachedCreditLookup } from '@/server/public-lookups';
import { CreditEntryTable } from '../../_components/credit-entry-table';
import { CreditLookupForm } from '../../_components/credit/credit-lookup-form';
import { Pagination, pageParam } from '../../_components/pagination';
import { Breadcrumb } from '../../_components/breadcrumb';
import { PageNotFound } from '../../_components/page-not-found';
import { Section } from '../../_components/section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '诚信红黑榜' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CreditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const raw = Array.isArray(params.q) ? params.q[0] : params.q;
  const lookup = parseCreditLookup(raw?.slice(0, 200));
  const page = pageParam(params.page);
  const found = lookup.kind === 'code' || lookup.kind === 'name' ? await cachedCreditLookup(lookup.kind === 'code' ? { code: lookup.code } : { fragment: lookup.fragment }, page, CREDIT_PAGE_SIZE) : null;
  // ?q=…&page=99 past the last page of results: a wrong address (404), not an empty page.
  if (found && page > 1 && found.rows.length === 0) return <PageNotFound kind="page-number" />;
  return (
    <div className="space-y-6">
      <Breadcrumb trail={lookup.kind === 'empty' ? [{ label: '诚信红黑榜' }] : [{ href: '/credit', label: '诚信红黑榜' }, { label: '查询结果' }]} />
      <h1 className="text-2xl font-bold text-brand">诚信红黑榜</h1>
      <p className="text-muted">
        守信红榜褒扬诚信经营、守信践诺的单位和个人；失信黑榜依法公示失信主体。公示期满的信息自动停止公示；对公示信息有异议，或已完成信用修复的，可依法申请更正或移出。
      </p>
      <CreditLookupForm defaultValue={lookup.kind === 'empty' ? '' : (raw ?? '').slice(0, 100)} />
      {lookup.kind === 'empty' ? <Overview /> : <LookupResults lookup={lookup} page={page} result={found} />}
    </div>
  );
}

type LookupResult = PublicCreditPage;

function LookupResults({ lookup, page, result }: { lookup: Exclude<CreditLookup, { kind: 'empty' }>; page: number; result: LookupResult | null }) {
  if (lookup.kind === 'invalid' || lookup.kind === 'badCode' || !result) {
    return (
      <section aria-labelledby="lookup-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="lookup-title" className="text-lg font-bold">
          查询结果
        </h2>
        <p role="alert" className="mt-2 rounded border border-brand bg-brand-soft px-3 py-2 text-brand">
          {'message' in lookup ? lookup.message : ''}
        </p>
      </section>
    );
  }
  const shown = lookup.kind === 'code' ? lookup.code : lookup.fragment;
  const href = (p: number) => `/credit?${new URLSearchParams({ q: shown, ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
  return (
    <section aria-labelledby="lookup-title" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="lookup-title" className="text-lg font-bold">
        查询结果
      </h2>
      <p role="status" className="mt-2 text-muted">
        {result.total > 0
          ? `${lookup.kind === 'code' ? '统一社会信用代码' : '名称包含'}“${shown}”的公示中信息共 ${totalText(result)} 条。`
          : `没有找到${lookup.kind === 'code' ? '统一社会信用代码为' : '名称包含'}“${shown}”的公示中信息。`}
      </p>
      {result.total === 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-muted">
          <li>请检查输入的名称或代码是否有错别字。</li>
          <li>可以试试更短的名称片段，例如只输入字号“诚信达”，不输入“有限公司”等字样。</li>
          <li>该信息可能已公示期满或已移出公示，公示期满的信息不再显示。</li>
          <li>自然人姓名不提供检索，可通过红榜、黑榜列表按类别浏览。</li>
        </ul>
      ) : (
        <div className="mt-3">
          <CreditEntryTable entries={result.rows} caption={`“${shown}”的查询结果`} detailed showList highlight={lookup.kind === 'name' ? lookup.fragment : undefined} />
          <Pagination page={page} pageCount={cappedPageCount(result, CREDIT_PAGE_SIZE, page)} href={href} />
        </div>
      )}
      <p className="mt-4 text-sm">
        <Link href="/credit" className="text-brand hover:underline">
          返回诚信红黑榜首页
        </Link>
      </p>
    </section>
  );
}

async function Overview() {
  const db = await getDb();
  const [categories, batch] = await Promise.all([countPublicCreditByCategory(db), findLatestPublicCreditBatch(db)]);
  const [red, black] = batch
    ? await Promise.all([listPublicEntriesOfBatch(db, batch.id, 'red', 20), listPublicEntriesOfBatch(db, batch.id, 'black', 20)])
    : [[], []];
  return (
    <>
      <nav aria-label="红黑榜栏目" className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Link href="/credit/red" className="rounded-lg bg-white p-4 font-bold text-red-list shadow-sm hover:underline">
          守信红榜 &rsaquo;
        </Link>
        <Link href="/credit/black" className="rounded-lg bg-white p-4 font-bold text-black-list shadow-sm hover:underline">
          失信黑榜 &rsaquo;
        </Link>
        <Link href="/credit/objection" className="rounded-lg bg-white p-4 font-bold text-brand shadow-sm hover:underline">
          异议申诉与信用修复 &rsaquo;
        </Link>
      </nav>
      {batch && (
        <p className="rounded-lg bg-white p-4 shadow-sm">
          最新发布批次：
          <Link href={`/credit/batch/${batch.id}`} className="font-bold text-brand hover:underline">
            {batch.title}
          </Link>
          {batch.publishedAt && <span className="text-muted">（{formatDay(batch.publishedAt)} 发布）</span>}
          <Link href="/credit/batch" className="ml-2 text-sm text-muted hover:text-brand">
            全部批次 &rsaquo;
          </Link>
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {(['red', 'black'] as const).map((list) => (
          <section key={list} aria-labelledby={`counts-${list}`} className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id={`counts-${list}`} className={`mb-2 font-bold ${list === 'red' ? 'text-red-list' : 'text-black-list'}`}>
              {list === 'red' ? '守信红榜' : '失信黑榜'}（公示中）
            </h2>
            <ul className="grid grid-cols-1 gap-2 text-sm min-[400px]:grid-cols-2">
              {categories
                .filter((c) => c.list === list)
                .map((c) => (
                  <li key={c.id}>
                    <Link href={`/credit/${list}?category=${c.id}`} className="flex justify-between gap-2 rounded bg-canvas px-3 py-2 hover:text-brand">
                      <span>{c.name}</span>
                      <span className="font-bold">
                        {c.n}
                        <span className="sr-only">条</span>
                      </span>
                    </Link>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      {batch && (
        <>
          <Section title={`守信红榜 · ${batch.title}`} id="batch-red">
            <CreditEntryTable entries={red} caption={`守信红榜 ${batch.title}`} />
            <p className="mt-3 text-right text-sm">
              <Link href={`/credit/batch/${batch.id}?list=red`} className="text-muted hover:text-brand">
                查看本批次守信红榜全部信息 &rsaquo;
              </Link>
            </p>
          </Section>
          <Section title={`失信黑榜 · ${batch.title}`} id="batch-black">
            <CreditEntryTable entries={black} caption={`失信黑榜 ${batch.title}`} />
            <p className="mt-3 text-right text-sm">
              <Link href={`/credit/batch/${batch.id}?list=black`} className="text-muted hover:text-brand">
                查看本批次失信黑榜全部信息 &rsaquo;
              </Link>
            </p>
          </Section>
        </>
      )}
    </>
  );
}
