// A small horizontal bar chart drawn on the server as SVG (no chart library, no script). The picture is
// hidden from screen readers, which read the same numbers from a visually hidden table instead.
type Row = { label: string; value: number };

const ROW = 28;
const LABEL_W = 130;
const BAR_W = 380;

export function BarChart({ id, title, unit, rows }: { id: string; title: string; unit: string; rows: Row[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * ROW + 8;
  return (
    <figure aria-labelledby={`${id}-caption`} className="space-y-2">
      <figcaption id={`${id}-caption`} className="font-medium">
        {title}
      </figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">榜单中还没有人物。</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${LABEL_W + BAR_W + 70} ${height}`} className="w-full max-w-2xl" aria-hidden="true" focusable="false">
            {rows.map((r, i) => {
              const y = i * ROW + 4;
              const w = Math.round((r.value / max) * BAR_W);
              return (
                <g key={`${r.label}-${i}`}>
                  <text x={LABEL_W - 8} y={y + ROW / 2 + 5} textAnchor="end" className="fill-current text-[13px]">
                    {r.label.length > 8 ? `${r.label.slice(0, 8)}…` : r.label}
                  </text>
                  <rect x={LABEL_W} y={y + 4} width={Math.max(w, 1)} height={ROW - 10} rx={2} className="fill-brand" />
                  <text x={LABEL_W + Math.max(w, 1) + 6} y={y + ROW / 2 + 5} className="fill-current text-[13px]">
                    {r.value}
                  </text>
                </g>
              );
            })}
          </svg>
          <table className="sr-only">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">人物</th>
                <th scope="col">{unit}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.label}-${i}`}>
                  <th scope="row">{r.label}</th>
                  <td>{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
