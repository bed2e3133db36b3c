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
 * Public credit entries, rendered once: a table on wide screens that CSS (`.entry-table` in globals.css)
 * lays out as one card per entry below the md breakpoint, where seven columns cannot fit. The cells that
 * need a label on a card carry it in data-label (shown by CSS, the column header says it to screen readers),
 * so the table semantics, the masking (a full ID number is never selected) and the no-JavaScript view are
 * the same at every width. Rendering it once halves the page's HTML and RSC payload for the results.
 */
export function CreditEntryTable({ entries, caption, detailed = false, showList = false, highlight }: Props) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
      <table className={showList ? 'entry-table with-list' : 'entry-table'} data-testid="credit-entries">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">统一社会信用代码 / 证件号码</th>
            {showList && <th scope="col">榜单</th>}
            <th scope="col">类别</th>
            {detailed && <th scope="col">认定部门</th>}
            <th scope="col">认定日期</th>
            {detailed && <th scope="col">公示截止</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="name">
                <Link href={`/credit/${entry.id}`}>{highlight ? <Highlight text={entry.name} fragment={highlight} /> : entry.name}</Link>
              </td>
              <CodeCell entry={entry} />
              {showList && <td className={entry.list === 'red' ? 'list text-red-list' : 'list text-black-list'}>{CREDIT_LIST_LABELS[entry.list]}</td>}
              <td className="cat">{entry.category}</td>
              {detailed && (
                <td className="auth" data-label="认定部门">
                  {entry.authority}
                </td>
              )}
              <td className="date" data-label="认定日期">
                {entry.decisionDate}
              </td>
              {detailed && (
                <td className="date" data-label="公示截止">
                  {entry.publicationEnd}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The organisation's code, or the masked ID number of a person (never the full one), labelled on a card by which it is. */
function CodeCell({ entry }: { entry: PublicCreditEntry }) {
  if (entry.creditCode) {
    return (
      <td className="code" data-label="统一社会信用代码">
        {entry.creditCode}
      </td>
    );
  }
  if (entry.idNumberMasked) {
    return (
      <td className="code" data-label="证件号码">
        {entry.idNumberMasked}
      </td>
    );
  }
  return <td className="code none">—</td>;
}
