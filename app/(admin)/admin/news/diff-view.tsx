// A field-by-field diff with a legend: insertions underlined on green, deletions struck through on red,
// and the words 新增/删除 read out to screen readers, so that colour is never the only signal.
import type { FieldDiff } from '@/lib/diff';

export function DiffLegend({ older, newer }: { older: string; newer: string }) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <span>
        <ins className="bg-green-100 px-1 text-green-900 underline decoration-2">带下划线的绿色文字</ins>：{newer}中新增
      </span>
      <span>
        <del className="bg-red-100 px-1 text-red-900 line-through decoration-2">带删除线的红色文字</del>：{older}中有、{newer}中删除
      </span>
    </p>
  );
}

export function DiffView({ diffs, older, newer }: { diffs: FieldDiff[]; older: string; newer: string }) {
  if (diffs.length === 0) return <p className="text-sm text-muted">两个版本的内容相同。</p>;
  return (
    <div className="space-y-3">
      <DiffLegend older={older} newer={newer} />
      <dl className="space-y-3">
        {diffs.map((d) => (
          <div key={d.field} className="rounded border border-line bg-white p-3">
            <dt className="mb-1 text-sm font-bold">{d.label}</dt>
            <dd className="text-base leading-relaxed break-words whitespace-pre-wrap">
              {d.parts.map((part, i) =>
                part.type === 'ins' ? (
                  <ins key={i} className="bg-green-100 text-green-900 underline decoration-2">
                    <span className="sr-only">〔新增：</span>
                    {part.text}
                    <span className="sr-only">〕</span>
                  </ins>
                ) : part.type === 'del' ? (
                  <del key={i} className="bg-red-100 text-red-900 line-through decoration-2">
                    <span className="sr-only">〔删除：</span>
                    {part.text}
                    <span className="sr-only">〕</span>
                  </del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
