// The fields an audit entry changed, before → after, folded into a <details> so the table stays compact.
import { fieldLabel } from '@/lib/audit-labels';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const was = isRecord(before) ? before : null;
  const now = isRecord(after) ? after : null;
  const fields = [...new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])];
  if (fields.length === 0) return <span className="text-muted">—</span>;
  return (
    <details>
      <summary className="cursor-pointer">{fields.map(fieldLabel).join('、')}</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {fields.map((field) => (
          <div key={field} className="contents">
            <dt className="font-medium">{fieldLabel(field)}</dt>
            <dd className="break-all">
              {was && <span className="text-muted line-through decoration-1">{show(was[field])}</span>}
              {was && now && ' → '}
              {now && <span>{show(now[field])}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
