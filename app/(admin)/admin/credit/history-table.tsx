import { CREDIT_FIELD_LABELS } from '@/lib/credit-entry';
import { formatDateTime } from '@/lib/dates';
import { AdminTable } from '../../../_components/admin-table';

// Names of the fields kept in an entry's history (the full ID number is never among them).
const FIELD_NAMES: Record<string, string> = CREDIT_FIELD_LABELS;
const SOURCES: Record<string, string> = { edit: '编辑', remove: '移出', revoke: '撤销', restore: '恢复公示', objection: '异议处理' };
const STATUS_WORDS: Record<string, string> = { public: '公示中', removed: '已移出', revoked: '已撤销', red: '红榜', black: '黑榜' };

function shown(value: unknown, categoryNames: Map<number, string>, key: string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (key === 'statusChangedAt' && typeof value === 'string') return formatDateTime(new Date(value));
  if (key === 'categoryId' && typeof value === 'number') return categoryNames.get(value) ?? String(value);
  if (typeof value === 'string') return STATUS_WORDS[value] ?? value;
  return JSON.stringify(value);
}

type HistoryRow = { id: number; source: string; objectionId: number | null; reason: string | null; before: Record<string, unknown>; after: Record<string, unknown>; actorName: string; at: Date };

/** 变更记录: every change after creation, old and new values side by side. */
export function HistoryTable({ rows, categoryNames }: { rows: HistoryRow[]; categoryNames: Map<number, string> }) {
  if (rows.length === 0) return <p className="text-muted">暂无变更记录。</p>;
  return (
    <AdminTable caption="变更记录，最新在前" headers={['时间', '操作人', '方式', '变更内容', '原因']} widthClass="min-w-[48rem]">
      {rows.map((h) => (
        <tr key={h.id} className="border-b border-line align-top last:border-0">
          <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(h.at)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{h.actorName}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            {SOURCES[h.source] ?? h.source}
            {h.objectionId ? (
              <a href={`/admin/credit/objections/${h.objectionId}`} className="ml-1 underline hover:text-brand">
                申请{h.objectionId}
              </a>
            ) : null}
          </td>
          <td className="px-3 py-2">
            <ul className="space-y-1">
              {Object.keys(h.after).map((key) => (
                <li key={key}>
                  <span className="font-medium">{FIELD_NAMES[key] ?? key}：</span>
                  <del className="text-muted">{shown(h.before[key], categoryNames, key)}</del>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">改为</span>
                  <ins className="no-underline">{shown(h.after[key], categoryNames, key)}</ins>
                </li>
              ))}
            </ul>
          </td>
          <td className="px-3 py-2">{h.reason ?? '—'}</td>
        </tr>
      ))}
    </AdminTable>
  );
}
