/** The admin lists' table: scrolls sideways on phones, a caption for screen readers, column headers. */
export function AdminTable({ caption, headers, widthClass, children }: { caption: string; headers: string[]; widthClass: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className={`w-full text-left text-sm ${widthClass}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-canvas">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
