import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { newsPath } from '@/db/queries/news';
import { searchSite } from '@/db/queries/search';
import { formatDay } from '@/lib/dates';
import { Section } from '../../_components/section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '站内搜索', robots: { index: false } };

const MAX_QUERY = 50;

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.replace(/\p{Cc}/gu, '').trim() ?? '';
  const tooLong = Array.from(query).length > MAX_QUERY;
  const results = query && !tooLong ? await searchSite(await getDb(), query) : null;
  const total = results ? results.news.length + results.people.length + results.credit.length : 0;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand">站内搜索</h1>
      <form action="/search" method="get" role="search" className="flex max-w-xl">
        <label htmlFor="search-q" className="sr-only">
          搜索关键词
        </label>
        <input id="search-q" name="q" type="search" defaultValue={query} className="min-w-0 flex-1 rounded-l border border-line bg-white px-3 py-2" />
        <button type="submit" className="rounded-r bg-brand px-5 py-2 text-white hover:bg-brand-dark">
          搜索
        </button>
      </form>
      {!query && <p className="text-muted">请输入关键词，例如“志愿服务”、企业名称的一部分，或18位统一社会信用代码。</p>}
      {tooLong && (
        <p role="status" className="text-brand">
          关键词过长，请输入不超过{MAX_QUERY}个字。
        </p>
      )}
      {results && (
        <p role="status" className="text-muted">
          {total > 0 ? `找到与“${query}”相关的结果 ${total} 条。` : `没有找到与“${query}”相关的内容。请尝试更短的关键词，或核对统一社会信用代码是否完整。`}
        </p>
      )}
      {results && results.news.length > 0 && (
        <Section title={`文明动态（${results.news.length}）`} id="results-news">
          <ul className="divide-y divide-line">
            {results.news.map((item) => (
              <li key={item.id} className="py-2">
                <Link href={newsPath(item)} className="font-medium hover:text-brand hover:underline">
                  {item.title}
                </Link>
                <p className="text-sm text-muted">
                  {item.channelName} {item.publishedAt && formatDay(item.publishedAt)}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {results && results.people.length > 0 && (
        <Section title={`好人榜（${results.people.length}）`} id="results-people">
          <ul className="divide-y divide-line">
            {results.people.map((person) => (
              <li key={person.id} className="py-2">
                <Link href={`/good-people/${person.id}`} className="font-medium hover:text-brand hover:underline">
                  {person.name}
                </Link>
                <span className="ml-2 text-sm text-muted">
                  {person.level} · {person.category}
                </span>
                <p className="line-clamp-1 text-sm text-muted">{person.deed}</p>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {results && results.credit.length > 0 && (
        <Section title={`诚信红黑榜（${results.credit.length}）`} id="results-credit">
          <ul className="divide-y divide-line">
            {results.credit.map((entry) => (
              <li key={entry.id} className="py-2">
                <Link href={`/credit/${entry.id}`} className="font-medium hover:text-brand hover:underline">
                  {entry.name}
                </Link>
                <span className="ml-2 text-sm text-muted">
                  {entry.list === 'red' ? '守信红榜' : '失信黑榜'} · {entry.category}
                </span>
                {entry.creditCode && <p className="font-mono text-sm text-muted">{entry.creditCode}</p>}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
