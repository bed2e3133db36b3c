import Link from 'next/link';

export type Crumb = { href?: string; label: string };

/**
 * 位置: where the page sits, always starting at 首页. Crumbs with an `href` are links; a last crumb without
 * one names the page itself (aria-current). Hidden in print (globals.css hides every nav).
 */
export function Breadcrumb({ trail, className = '' }: { trail: Crumb[]; className?: string }) {
  const crumbs: Crumb[] = [{ href: '/', label: '首页' }, ...trail];
  return (
    <nav aria-label="位置" className={`text-sm text-muted ${className}`}>
      <ol className="flex flex-wrap items-center gap-x-1">
        {crumbs.map((crumb, i) => (
          <li key={`${i}-${crumb.label}`} className="flex items-center gap-x-1">
            {i > 0 && <span aria-hidden="true">&rsaquo;</span>}
            {crumb.href ? (
              <Link href={crumb.href} className="hover:text-brand">
                {crumb.label}
              </Link>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
