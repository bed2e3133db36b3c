'use client';
// The link of ScriptSwitch: a client leaf only to know the current path, so the switch comes back here.
import { usePathname } from 'next/navigation';

export function ScriptSwitchLink({
  to,
  label,
  accessibleName,
  lang,
}: {
  to: 'hans' | 'hant';
  label: string;
  accessibleName: string;
  lang: string;
}) {
  const pathname = usePathname() ?? '/';
  const href = `/api/script?to=${to}&back=${encodeURIComponent(pathname)}`;
  return (
    // A plain <a>, not next/link: the whole page must be fetched again in the other script.
    <a
      href={href}
      title={accessibleName}
      data-testid="script-switch"
      data-keep-script
      className="inline-flex min-h-9 items-center rounded border border-current px-3 py-1 text-sm font-medium hover:bg-black/20"
    >
      <span lang={lang}>{label}</span>
      {/* The accessible name starts with the visible label (WCAG 2.5.3) and says what it does. */}
      <span className="sr-only">，{accessibleName}</span>
    </a>
  );
}
