import Link from 'next/link';
import type { PublicCreditEntry } from '@/db/queries/credit';

/** A table of public credit entries; on phones it scrolls sideways instead of squeezing. */
export function CreditEntryTable({ entries, caption }: { entries: PublicCreditEntry[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">名称</th>
            <th scope="col" className="px-3 py-2 font-medium">统一社会信用代码 / 证件号码</th>
            <th scope="col" className="px-3 py-2 font-medium">类别</th>
            <th scope="col" className="px-3 py-2 font-medium">认定日期</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="px-3 py-2">
                <Link href={`/credit/${entry.id}`} className="hover:text-brand hover:underline">
                  {entry.name}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono">{entry.creditCode ?? entry.idNumberMasked ?? '—'}</td>
              <td className="px-3 py-2">{entry.category}</td>
              <td className="px-3 py-2">{entry.decisionDate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
