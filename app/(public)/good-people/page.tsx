import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { findLatestPublicBatch, listFilteredPeople, listOpenVotingBatches, listPublicYears } from '@/db/queries/people';
import { filtersHref, hasFilters, parsePeopleFilters, type PeopleFilters } from '@/lib/people-public';
import { PeopleFilterForm } from '../../_components/good-people/people-filters';
import { VotingBanner } from '../../_components/good-people/voting-banner';
import { Pagination, pageParam } from '../../_components/pagination';
import { PeopleBatchPage, PeopleLayout } from '../../_components/people-batch-page';
import { Breadcrumb } from '../../_components/breadcrumb';
import { PageNotFound } from '../../_components/page-not-found';
import { PersonCard } from '../../_components/person-card';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '好人榜' };

const PAGE_SIZE = 12;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GoodPeoplePage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parsePeopleFilters(params);
  const db = await getDb();
  const [years, voting] = await Promise.all([listPublicYears(db), listOpenVotingBatches(db)]);
  const intro = (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/good-people/recommend" className="rounded bg-brand px-5 py-2.5 font-bold text-white hover:bg-brand-dark">
          我推荐身边好人
        </Link>
        <Link href="/good-people/batch" className="text-sm text-brand underline">
          全部往期榜单
        </Link>
        <Link href="/good-people/recommend/status" className="text-sm text-brand underline">
          推荐进度查询
        </Link>
      </div>
      <VotingBanner batches={voting} />
      <PeopleFilterForm filters={filters} years={years} />
    </>
  );

  if (!hasFilters(filters)) {
    const batch = await findLatestPublicBatch(db);
    return <PeopleBatchPage batch={batch} heading={batch ? batch.title : '好人榜'} intro={intro} />;
  }
  return <FilteredPeople filters={filters} page={pageParam(params.page)} intro={intro} />;
}

async function FilteredPeople({ filters, page, intro }: { filters: PeopleFilters; page: number; intro: React.ReactNode }) {
  const { rows, total } = await listFilteredPeople(await getDb(), filters, page, PAGE_SIZE);
  if (page > 1 && rows.length === 0) return <PageNotFound kind="page-number" />;
  const label = [filters.year ? `${filters.year}年` : null, filters.level, filters.category].filter(Boolean).join(' · ');
  return (
    <PeopleLayout>
      <Breadcrumb trail={[{ href: '/good-people', label: '好人榜' }, { label: '筛选结果' }]} />
      <h1 className="text-2xl font-bold text-brand">好人榜</h1>
      {intro}
      <section aria-labelledby="results">
        <h2 id="results" className="mb-2 border-l-4 border-brand pl-2 text-lg font-bold">
          筛选结果：{label}
        </h2>
        <p role="status" className="mb-3 text-sm text-muted">
          共找到{total}位好人。
        </p>
        {rows.length > 0 ? (
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {rows.map((person) => (
              <PersonCard key={person.id} person={person} />
            ))}
          </ul>
        ) : (
          <p className="rounded-lg bg-white p-6 text-muted">没有符合条件的好人，请调整筛选条件。</p>
        )}
        <Pagination page={page} total={total} pageSize={PAGE_SIZE} href={(n) => filtersHref(filters, n)} />
      </section>
    </PeopleLayout>
  );
}
