import type { Metadata } from 'next';
import { Link } from '@/app/_components/page-link';
import { getDb } from '@/db/client';
import { totalText } from '@/db/queries/capped-count';
import { findPublicCreditEntry, type PublicCreditEntry } from '@/db/queries/credit';
import { cachedCreditLookup } from '@/server/public-lookups';
import { parseCreditLookup } from '@/lib/credit-lookup';
import { ObjectionForm } from './objection-form';
import { CREDIT_LIST_LABELS } from '@/lib/enums';
import { Breadcrumb } from '../../../_components/breadcrumb';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '异议申诉与信用修复 - 诚信红黑榜' };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

const ENTRY_NUMBER = /^\d{1,15}$/;

export default async function ObjectionPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const db = await getDb();
  const entryParam = first(params.entry);
  const entry = ENTRY_NUMBER.test(entryParam) ? await findPublicCreditEntry(db, Number(entryParam)) : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Breadcrumb trail={[{ href: '/credit', label: '诚信红黑榜' }, { label: '异议申诉与信用修复' }]} />
      <h1 className="text-2xl font-bold text-brand">异议申诉与信用修复</h1>
      <div className="space-y-2 text-sm text-muted">
        <p>对公示信息有异议的，可提出异议申诉；已纠正失信行为、履行相关义务的，可申请信用修复。两类申请按“待审核、待核实、已通过或未通过、已完成”的流程办理。</p>
        <p>
          提交后您将获得受理编号，凭受理编号和联系电话可
          <Link href="/credit/objection/status" className="text-brand underline">
            查询办理进度
          </Link>
          。
        </p>
      </div>
      {entry ? (
        <>
          <EntrySummary entry={entry} />
          <div className="rounded-lg bg-white p-4 shadow-sm">
            <ObjectionForm entryId={entry.id} />
          </div>
        </>
      ) : (
        <>
          {entryParam && (
            <p role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-brand">
              未找到编号为“{entryParam.slice(0, 20)}”的公示中信息。该信息可能已公示期满或已移出公示，请核对信息编号，或按名称查找。
            </p>
          )}
          <EntryPicker query={first(params.q).slice(0, 100)} />
        </>
      )}
    </div>
  );
}

function EntrySummary({ entry }: { entry: NonNullable<Awaited<ReturnType<typeof findPublicCreditEntry>>> }) {
  return (
    <section aria-labelledby="chosen-entry" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="chosen-entry" className="text-lg font-bold">
        申请所涉信息
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">信息编号</dt>
        <dd>{entry.id}</dd>
        <dt className="text-muted">名称</dt>
        <dd>
          <Link href={`/credit/${entry.id}`} className="text-brand hover:underline">
            {entry.name}
          </Link>
        </dd>
        <dt className="text-muted">榜单 / 类别</dt>
        <dd>
          {CREDIT_LIST_LABELS[entry.list]} / {entry.category}
        </dd>
        <dt className="text-muted">认定部门</dt>
        <dd>{entry.authority}</dd>
      </dl>
      <p className="mt-2 text-sm">
        <Link href="/credit/objection" className="text-muted hover:text-brand">
          选错了？重新选择信息
        </Link>
      </p>
    </section>
  );
}

/** Finds the entry by the number shown on its page, or by name or code, and links to the form for it. */
async function EntryPicker({ query }: { query: string }) {
  let matches: PublicCreditEntry[] = [];
  let total = 0;
  let capped = false;
  let problem: string | null = null;
  if (query) {
    const compact = query.normalize('NFKC').trim();
    const db = await getDb();
    if (ENTRY_NUMBER.test(compact)) {
      const found = await findPublicCreditEntry(db, Number(compact));
      matches = found ? [found] : [];
      total = matches.length;
    } else {
      const lookup = parseCreditLookup(compact);
      if (lookup.kind === 'invalid' || lookup.kind === 'badCode') problem = lookup.message;
      else if (lookup.kind !== 'empty') {
        const result = await cachedCreditLookup(lookup.kind === 'code' ? { code: lookup.code } : { fragment: lookup.fragment }, 1, 20);
        matches = result.rows;
        total = result.total;
        capped = result.capped;
      }
    }
  }
  return (
    <section aria-labelledby="pick-entry" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="pick-entry" className="text-lg font-bold">
        第一步：选择申请所涉的公示信息
      </h2>
      <form action="/credit/objection" method="get" className="mt-3">
        <label htmlFor="objection-q" className="block text-sm font-medium">
          信息编号、名称或统一社会信用代码
        </label>
        <div className="mt-1 flex">
          <input id="objection-q" name="q" type="search" defaultValue={query} maxLength={100} aria-describedby="objection-q-hint" className="min-w-0 flex-1 rounded-l border border-line bg-white px-3 py-2" />
          <button type="submit" className="rounded-r bg-brand px-5 py-2 text-white hover:bg-brand-dark">
            查找
          </button>
        </div>
        <p id="objection-q-hint" className="mt-1 text-xs text-muted">
          信息编号见该信息详情页。自然人信息请使用信息编号查找，或在详情页点击“对此信息有异议？”链接进入。
        </p>
      </form>
      {problem && (
        <p role="alert" className="mt-3 text-brand">
          {problem}
        </p>
      )}
      {query && !problem && (
        <div className="mt-3">
          <p role="status" className="text-sm text-muted">
            {total === 0 ? '没有找到符合条件的公示中信息，请核对后重试。' : total > matches.length ? `共 ${totalText({ total, capped })} 条，以下显示前 ${matches.length} 条，请输入更完整的名称缩小范围。` : `找到 ${total} 条，请选择：`}
          </p>
          <ul className="mt-2 divide-y divide-line">
            {matches.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{m.name}</span>
                  <span className="block text-xs text-muted">
                    编号 {m.id} · {CREDIT_LIST_LABELS[m.list]} · {m.category} · {m.creditCode ?? m.idNumberMasked ?? ''}
                  </span>
                </span>
                <Link href={`/credit/objection?entry=${m.id}`} className="rounded border border-brand px-3 py-1 text-sm text-brand hover:bg-brand-soft" aria-label={`选择 ${m.name}（编号 ${m.id}）`}>
                  选择
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
