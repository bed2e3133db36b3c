import Link from 'next/link';
import type { PublicCreditEntry } from '@/db/queries/credit';
import { Highlight } from './credit/highlight';

export const LIST_LABELS = { red: '守信红榜', black: '失信黑榜' } as const;

/**
 * A table of public credit entries; on phones it scrolls sideways instead of squeezing. `detailed` adds
 * the deciding authority and the end of the publication period (list and lookup pages).
 */
export function CreditEntryTable({
  entries,
  caption,
  detailed = false,
  showList = false,
  highlight,
}: {
  entries: PublicCreditEntry[];
  caption: string;
  detailed?: boolean;
  showList?: boolean;
  highlight?: string;
}) {
  const th = 'px-3 py-2 font-medium';
  return (
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-muted">
          <tr>
            <th scope="col" className={th}>名称</th>
            <th scope="col" className={th}>统一社会信用代码 / 证件号码</th>
            {showList && <th scope="col" className={th}>榜单</th>}
            <th scope="col" className={th}>类别</th>
            {detailed && <th scope="col" className={th}>认定部门</th>}
            <th scope="col" className={th}>认定日期</th>
            {detailed && <th scope="col" className={th}>公示截止</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="px-3 py-2">
                <Link href={`/credit/${entry.id}`} className="hover:text-brand hover:underline">
                  {highlight ? <Highlight text={entry.name} fragment={highlight} /> : entry.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono">{entry.creditCode ?? entry.idNumberMasked ?? '—'}</td>
              {showList && <td className={`px-3 py-2 ${entry.list === 'red' ? 'text-red-list' : 'text-black-list'}`}>{LIST_LABELS[entry.list]}</td>}
              <td className="px-3 py-2">{entry.category}</td>
              {detailed && <td className="px-3 py-2">{entry.authority}</td>}
              <td className="px-3 py-2 whitespace-nowrap">{entry.decisionDate}</td>
              {detailed && <td className="px-3 py-2 whitespace-nowrap">{entry.publicationEnd}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
