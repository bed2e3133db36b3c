/** The green "done" message an admin page shows after a redirect from a successful action (`?done=…`). */
export function DoneNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-800">
      {children}
    </p>
  );
}
