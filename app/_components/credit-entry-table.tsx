import { Link } from '@/app/_components/page-link';
import type { PublicCreditEntry } from '@/db/queries/credit';
import { Highlight } from './credit/highlight';
import { CREDIT_LIST_LABELS } from '@/lib/enums';

type Props = {
  entries: PublicCreditEntry[];
  caption: string;
  /** Adds the deciding authority and the end of the publication period (list and lookup pages). */
  detailed?: boolean;
  showList?: boolean;
  highlight?: string;
};

/**
 * Public credit entries: a table on wide screens, one card per entry on phones (below the md breakpoint),
 * where seven columns cannot fit. Both are in the HTML and CSS shows one of them, so it works without
 * JavaScript; the hidden one is display:none and so invisible to screen readers too.
 */
export function CreditEntryTable(props: Props) {
  return (
    <>
      <EntryCards {...props} />
      <EntryTable {...props} />
    </>
  );
}

function EntryName({ entry, highlight }: { entry: PublicCreditEntry; highlight?: string }) {
  return (
    <Link href={`/credit/${entry.id}`} className="hover:text-brand hover:underline">
      {highlight ? <Highlight text={entry.name} fragment={highlight} /> : entry.name}
    </Link>
  );
}

const listTone = (entry: PublicCreditEntry) => (entry.list === 'red' ? 'text-red-list' : 'text-black-list');

function EntryCards({ entries, caption, detailed = false, showList = false, highlight }: Props) {
  return (
    <ul aria-label={caption} className="space-y-3 md:hidden" data-testid="credit-cards">
      {entries.map((entry) => {
        const code = entry.creditCode ? ['统一社会信用代码', entry.creditCode] : entry.idNumberMasked ? ['证件号码', entry.idNumberMasked] : null;
        return (
          <li key={entry.id} className="rounded border border-line p-3">
            <p className="text-base font-medium leading-snug">
              <EntryName entry={entry} highlight={highlight} />
            </p>
            <p className="mt-1 flex flex-wrap gap-x-2 text-sm">
              {showList && <span className={`font-medium ${listTone(entry)}`}>{CREDIT_LIST_LABELS[entry.list]}</span>}
              <span className="text-muted">{entry.category}</span>
            </p>
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm">
              {code && (
                <>
                  <dt className="text-muted">{code[0]}</dt>
                  <dd className="break-all font-mono">{code[1]}</dd>
                </>
              )}
              {detailed && (
                <>
                  <dt className="text-muted">认定部门</dt>
                  <dd>{entry.authority}</dd>
                </>
              )}
              <dt className="text-muted">认定日期</dt>
              <dd>{entry.decisionDate}</dd>
              {detailed && (
                <>
                  <dt className="text-muted">公示截止</dt>
                  <dd>{entry.publicationEnd}</dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function EntryTable({ entries, caption, detailed = false, showList = false, highlight }: Props) {
  const th = 'px-3 py-2 font-medium';
  return (
    <div className="hidden overflow-x-auto md:block" tabIndex={0} role="group" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-muted">
          <tr>
            <th scope="col" className={th}>名称</th>
            <th scope="col" className={th}>统一社会信用代码 / 证件号码</th>
            {showList && <th scope="col" className={`${th} whitespace-nowrap`}>榜单</th>}
            <th scope="col" className={th}>类别</th>
            {detailed && <th scope="col" className={th}>认定部门</th>}
            <th scope="col" className={`${th} whitespace-nowrap`}>认定日期</th>
            {detailed && <th scope="col" className={`${th} whitespace-nowrap`}>公示截止</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="min-w-[10rem] px-3 py-2">
                <EntryName entry={entry} highlight={highlight} />
              </td>
              <td className="px-3 py-2 font-mono">{entry.creditCode ?? entry.idNumberMasked ?? '—'}</td>
              {showList && <td className={`whitespace-nowrap px-3 py-2 ${listTone(entry)}`}>{CREDIT_LIST_LABELS[entry.list]}</td>}
              <td className="min-w-[6rem] px-3 py-2">{entry.category}</td>
              {detailed && <td className="min-w-[7rem] px-3 py-2">{entry.authority}</td>}
              <td className="whitespace-nowrap px-3 py-2">{entry.decisionDate}</td>
              {detailed && <td className="whitespace-nowrap px-3 py-2">{entry.publicationEnd}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
