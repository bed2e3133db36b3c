// The list filters: a plain GET form (works without JavaScript) over category, level and year.
import Link from 'next/link';
import { GOOD_CATEGORIES, GOOD_LEVELS, type PeopleFilters } from '@/lib/people-public';
import { inputClass } from '../form-fields';

export function PeopleFilterForm({ filters, years }: { filters: PeopleFilters; years: number[] }) {
  return (
    <form method="get" action="/good-people" aria-label="筛选好人榜" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-4 sm:items-end">
      <div>
        <label htmlFor="filter-category" className="block text-sm font-medium">
          类别
        </label>
        <select id="filter-category" name="category" defaultValue={filters.category ?? ''} className={inputClass}>
          <option value="">全部类别</option>
          {GOOD_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-level" className="block text-sm font-medium">
          级别
        </label>
        <select id="filter-level" name="level" defaultValue={filters.level ?? ''} className={inputClass}>
          <option value="">全部级别</option>
          {GOOD_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-year" className="block text-sm font-medium">
          年份
        </label>
        <select id="filter-year" name="year" defaultValue={filters.year ? String(filters.year) : ''} className={inputClass}>
          <option value="">全部年份</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
          筛选
        </button>
        {(filters.category || filters.level || filters.year) && (
          <Link href="/good-people" className="text-sm text-muted underline hover:text-brand">
            清除筛选
          </Link>
        )}
      </div>
    </form>
  );
}
