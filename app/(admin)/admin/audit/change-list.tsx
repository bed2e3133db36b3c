// The fields an audit entry changed, before → after in Chinese (names for ids, lists for tags), folded
// into a <details> so the table stays compact.
import { auditChanges, type AuditNames } from '@/lib/audit-labels';

type Entry = { entityType: string; entityId: string | null; before: unknown; after: unknown };

export function ChangeList({ entry, names }: { entry: Entry; names: AuditNames }) {
  const changes = auditChanges(entry, names);
  if (changes.length === 0) return <span className="text-muted">—</span>;
  return (
    <details>
      <summary className="cursor-pointer">{changes.map((c) => c.label).join('、')}</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {changes.map((c) => (
          <div key={c.field} className="contents">
            <dt className="font-medium whitespace-nowrap">{c.label}</dt>
            <dd className="break-all">
              {c.before !== null && <span className="text-muted line-through decoration-1">{c.before}</span>}
              {c.before !== null && c.after !== null && ' → '}
              {c.after !== null && <span>{c.after}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
