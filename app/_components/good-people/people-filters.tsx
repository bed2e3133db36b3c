// The list filters: a plain GET form (works without JavaScript) over category, level and year.
import { Link } from '@/app/_components/page-link';
import { type PeopleFilters } from '@/lib/people-public';
import { FilterSelect, FilterSubmit } from '../admin-filters';
import { GOOD_PERSON_CATEGORIES, GOOD_PERSON_LEVELS } from '@/lib/enums';

export function PeopleFilterForm({ filters, years }: { filters: PeopleFilters; years: number[] }) {
  return (
    <form method="get" action="/good-people" aria-label="筛选好人榜" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-4 sm:items-end">
      <FilterSelect name="category" label="类别" value={filters.category ?? ''} allLabel="全部类别" options={GOOD_PERSON_CATEGORIES.map((c) => ({ value: c, label: c }))} />
      <FilterSelect name="level" label="级别" value={filters.level ?? ''} allLabel="全部级别" options={GOOD_PERSON_LEVELS.map((l) => ({ value: l, label: l }))} />
      <FilterSelect name="year" label="年份" value={filters.year ? String(filters.year) : ''} allLabel="全部年份" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} />
      <div className="flex items-center gap-3">
        <FilterSubmit />
        {(filters.category || filters.level || filters.year) && (
          <Link href="/good-people" className="text-sm text-muted underline hover:text-brand">
            清除筛选
          </Link>
        )}
      </div>
    </form>
  );
}
