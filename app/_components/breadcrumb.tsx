import { Link } from '@/app/_components/page-link';

export type Crumb = { href?: string; label: string };

/**
 * 位置: where the page sits, always starting at 首页. Crumbs with an `href` are links; a last crumb without
 * one names the page itself (aria-current). Plain inline text, not a list: pages' own lists stay the first
 * list items of main. Hidden in print (globals.css hides every nav).
 */
export function Breadcrumb({ trail, className = '' }: { trail: Crumb[]; className?: string }) {
  const crumbs: Crumb[] = [{ href: '/', label: '首页' }, ...trail];
  return (
    <nav aria-label="位置" className={`text-sm text-muted ${className}`}>
      {crumbs.map((crumb, i) => (
        <span key={`${i}-${crumb.label}`}>
          {i > 0 && <span aria-hidden="true"> &rsaquo; </span>}
          {crumb.href ? (
            <Link href={crumb.href} className="hover:text-brand">
              {crumb.label}
            </Link>
          ) : (
            <span aria-current="page">{crumb.label}</span>
          )}
        </span>
      ))}
    </nav>
  );
}
