// Pieces of list filter forms (the admin lists' and the public 好人榜 filters) and of empty-list panels.
import Link from '@/app/_components/link';
import { inputClass } from './form-fields';

export type FilterOption = { value: string; label: string };

/** A labelled select with id `filter-<name>`; the empty value (first option, `allLabel`) means no condition. */
export function FilterSelect({ name, label, value, options, allLabel = '全部' }: { name: string; label: string; value: string; options: readonly FilterOption[]; allLabel?: string }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className={inputClass}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The free-text condition, submitted as `q`. */
export function FilterSearch({ label, value, placeholder }: { label: string; value: string; placeholder: string }) {
  return (
    <div>
      <label htmlFor="filter-q" className="block text-sm font-medium">
        {label}
      </label>
      <input id="filter-q" name="q" type="search" defaultValue={value} placeholder={placeholder} className={inputClass} />
    </div>
  );
}

export function FilterSubmit() {
  return (
    <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
      筛选
    </button>
  );
}

/** The form's footer: submit, and a link back to the unfiltered list. */
export function FilterActions({ clearHref }: { clearHref: string }) {
  return (
    <div className="flex items-center gap-3">
      <FilterSubmit />
      <Link href={clearHref} className="text-sm underline hover:text-brand">
        清除条件
      </Link>
    </div>
  );
}

/** The panel that stands in for an empty list. */
export function NoResults({ children }: { children: React.ReactNode }) {
  return <p className="rounded-lg bg-white p-4 text-muted shadow-sm">{children}</p>;
}

/** An empty page of a filtered, paged list: nothing matches at all, or the page is past the last one. */
export function NoFilterResults({ total, noun, firstPageHref }: { total: number; noun: string; firstPageHref: string }) {
  return (
    <NoResults>
      {total === 0 ? (
        `没有符合条件的${noun}。`
      ) : (
        <Link href={firstPageHref} className="underline">
          {`本页没有${noun}，返回第一页`}
        </Link>
      )}
    </NoResults>
  );
}
