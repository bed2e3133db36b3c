// 简/繁 switch: a plain link to /api/script, which stores the choice in a cookie and comes back to the page
// (named by the Referer; with JavaScript the page's inline script, app/_components/page-script.ts, also
// names it in the link as it is followed). Works without JavaScript; proxy.ts then serves every public page
// in Traditional characters. No React code reaches the browser for it in Simplified mode.
import { cookies } from 'next/headers';
import { parseScript, SCRIPT_COOKIE } from '@/lib/chinese-script';
import { TraditionalText } from './traditional-text';

function SwitchLink({ to, label, accessibleName, lang }: { to: 'hans' | 'hant'; label: string; accessibleName: string; lang: string }) {
  return (
    // A plain <a>: the whole page must be fetched again in the other script.
    <a
      href={`/api/script?to=${to}`}
      title={accessibleName}
      data-testid="script-switch"
      data-script-switch={to}
      data-keep-script
      className="inline-flex min-h-9 items-center rounded border border-current px-3 py-1 text-sm font-medium hover:bg-black/20"
    >
      <span lang={lang}>{label}</span>
      {/* The accessible name starts with the visible label (WCAG 2.5.3) and says what it does. */}
      <span className="sr-only">，{accessibleName}</span>
    </a>
  );
}

/** 繁體 while the page is Simplified, 简体 while it is Traditional. No props: reads the cookie itself. */
export async function ScriptSwitch() {
  const current = parseScript((await cookies()).get(SCRIPT_COOKIE)?.value);
  return current === 'hant' ? (
    // "简体" and its label are kept Simplified by the converter (KEEP_SIMPLIFIED in lib/chinese-script.ts).
    <>
      <SwitchLink to="hans" label="简体" accessibleName="切换到简体中文" lang="zh-Hans" />
      {/* Client components' own text, in 繁體 mode only: this converter is loaded only then. */}
      <TraditionalText />
    </>
  ) : (
    <SwitchLink to="hant" label="繁體" accessibleName="切换到繁体中文" lang="zh-Hant" />
  );
}
