// 简/繁 switch: a plain link to /api/script, which stores the choice in a cookie and comes back here.
// Works without JavaScript; proxy.ts then serves every public page in Traditional characters.
import { cookies } from 'next/headers';
import { parseScript, SCRIPT_COOKIE } from '@/lib/chinese-script';
import { ScriptSwitchLink } from './script-switch-link';
import { TraditionalText } from './traditional-text';

/** 繁體 while the page is Simplified, 简体 while it is Traditional. No props: reads the cookie itself. */
export async function ScriptSwitch() {
  const current = parseScript((await cookies()).get(SCRIPT_COOKIE)?.value);
  return current === 'hant' ? (
    // "简体" and its label are kept Simplified by the converter (KEEP_SIMPLIFIED in lib/chinese-script.ts).
    <>
      <ScriptSwitchLink to="hans" label="简体" accessibleName="切换到简体中文" lang="zh-Hans" />
      <TraditionalText />
    </>
  ) : (
    <ScriptSwitchLink to="hant" label="繁體" accessibleName="切换到繁体中文" lang="zh-Hant" />
  );
}
