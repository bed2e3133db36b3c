import { Link } from '@/app/_components/page-link';

/** A titled white panel, with an optional "更多" link. */
export function Section({ title, moreHref, children, id }: { title: string; moreHref?: string; children: React.ReactNode; id?: string }) {
  const headingId = id ?? `section-${title}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg bg-white p-4 shadow-sm sm:p-5">
      <div className="mb-3 flex items-center justify-between border-b-2 border-brand pb-2">
        <h2 id={headingId} className="text-lg font-bold text-brand">
          {title}
        </h2>
        {moreHref && (
          <Link href={moreHref} className="text-sm text-muted hover:text-brand">
            更多<span className="sr-only">{title}</span> &rsaquo;
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}
