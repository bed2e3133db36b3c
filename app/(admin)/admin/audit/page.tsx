import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getDb } from '@/db/client';
import { findAuditNames, listAuditActions, listAuditEntries } from '@/db/queries/audit';
import { actionLabel, auditEntityText, auditNoteText, auditRefsOf, ENTITY_OPTIONS } from '@/lib/audit-labels';
import { requirePageUser } from '@/server/auth';
import { formatDateTime } from '@/lib/dates';
import { FilterSubmit, NoFilterResults } from '../../../_components/admin-filters';
import { SelectField, TextField } from '../../../_components/form-fields';
import { Pagination, pageParam } from '../../../_components/pagination';
import { ChangeList } from './change-list';
import { FILTER_LABELS, filterQuery, fromSearchParams, parseAuditFilter } from './filters';
import { AdminTable } from '../../../_components/admin-table';

export const metadata: Metadata = { title: '审计日志' };

const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { values, filter, errors } = parseAuditFilter(fromSearchParams(params));
  await requirePageUser('audit.view', `/admin/audit${filterQuery(values)}`);
  const db = await getDb();
  const page = pageParam(params.page);
  const valid = Object.keys(errors).length === 0;
  const [actions, result] = await Promise.all([listAuditActions(db), valid ? listAuditEntries(db, filter, page, PAGE_SIZE) : null]);
  if (values.action && !actions.includes(values.action)) actions.push(values.action);
  // Ids in the entries shown (channels, batches, categories, users...) are shown by name.
  const names = result ? await findAuditNames(db, auditRefsOf(result.rows)) : {};
  const entityOptions = ENTITY_OPTIONS.some((o) => o.value === values.entityType) || !values.entityType ? ENTITY_OPTIONS : [...ENTITY_OPTIONS, { value: values.entityType, label: values.entityType }];
  const state = { values, fieldErrors: errors };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">审计日志</h1>
      <p className="text-sm text-muted">
        记录每次登录、登录失败和后台的每一项修改（操作人、时间、IP、操作、对象及变更前后内容）。审计日志只可追加，数据库拒绝修改和删除；保留期不少于6个月。
      </p>

      <form method="get" action="/admin/audit" role="search" aria-label="筛选审计日志" className="grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6 lg:items-start">
        <TextField state={state} name="actor" label={FILTER_LABELS.actor} hint="姓名或用户名的一部分" />
        <SelectField state={state} name="action" label={FILTER_LABELS.action} options={[{ value: '', label: '全部' }, ...actions.map((a) => ({ value: a, label: actionLabel(a) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN'))]} />
        <SelectField state={state} name="entityType" label={FILTER_LABELS.entityType} options={[{ value: '', label: '全部' }, ...entityOptions]} />
        <TextField state={state} name="entityId" label={FILTER_LABELS.entityId} />
        <TextField state={state} name="from" label={FILTER_LABELS.from} type="date" hint="按北京时间计算" />
        <TextField state={state} name="to" label={FILTER_LABELS.to} type="date" hint="含当天" />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-6">
          <FilterSubmit />
          <Link href="/admin/audit" className="text-sm underline hover:text-brand">
            清除条件
          </Link>
          {valid && (
            // A plain link: the export is a file download from a route handler, not a page to prefetch.
            <a href={`/admin/audit/export${filterQuery(values)}`} className="ml-auto rounded border border-line bg-white px-4 py-2 text-sm hover:border-brand">
              导出 CSV
            </a>
          )}
        </div>
      </form>

      {!valid && (
        <p role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm text-brand">
          筛选条件有误，请按提示修改后重新筛选。
        </p>
      )}

      {result && result.rows.length === 0 && (
        <NoFilterResults total={result.total} noun="记录" firstPageHref={`/admin/audit${filterQuery(values)}`} />
      )}

      {result && result.rows.length > 0 && (
        <>
          <AdminTable caption={`审计日志，共${result.total}条，按时间倒序`} headers={['时间', '操作人', 'IP', '操作', '对象', '变更', '备注']} widthClass="min-w-[56rem]">
                {result.rows.map((row) => (
                  <tr key={row.id} className="border-b border-line align-top last:border-0">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
                    </td>
                    <td className="px-3 py-2">{row.actorName}</td>
                    <td className="px-3 py-2 font-mono text-xs">{row.ip ?? '—'}</td>
                    <td className="px-3 py-2 whitespace-nowrap" title={row.action}>
                      {actionLabel(row.action)}
                    </td>
                    <td className="px-3 py-2">{auditEntityText(row.entityType, row.entityId, names)}</td>
                    <td className="max-w-xs px-3 py-2">
                      <ChangeList entry={row} names={names} />
                    </td>
                    <td className="max-w-xs px-3 py-2 break-all text-muted">{auditNoteText(row.note)}</td>
                  </tr>
                ))}
          </AdminTable>
          <Pagination page={page} total={result.total} pageSize={PAGE_SIZE} href={(n) => `/admin/audit${filterQuery(values, { page: String(n) })}`} />
        </>
      )}
    </div>
  );
}
