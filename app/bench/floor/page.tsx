// The first-load JS floor for `npm run bench` (scripts/bench/measure.ts): a page with no content and no
// component of its own, inside the root layout only, so the scripts it loads are those every page of this
// build pays for (React and the Next.js runtime). Linked from nowhere, kept out of search engines.
import type { Metadata } from 'next';

export const metadata: Metadata = { title: '空白页', robots: { index: false, follow: false } };

export default function FloorPage() {
  return <p>空白页：用于测量页面脚本体积的下限。</p>;
}
