// A button that copies a text (an article's address, a receipt number) and says the result in a polite live
// region. It is plain markup worked by the page's one inline script (app/_components/page-script.ts,
// data-copy), so no React code reaches the browser for it, in server and client components alike. The
// labels are passed already in the visitor's script (client forms translate them with useClientText).

export function CopyButton({
  text,
  label,
  copied,
  failed = '复制失败，请手动复制：',
  jsOnly = false,
}: {
  text: string;
  label: string;
  copied: string;
  failed?: string;
  /** Hide the button when scripts do not run (it could not copy then). */
  jsOnly?: boolean;
}) {
  return (
    <div className={`${jsOnly ? 'js-only ' : ''}flex flex-wrap items-center gap-2`}>
      <button type="button" data-copy={text} data-copied={copied} data-copy-failed={failed} className="rounded border border-brand px-3 py-1 text-sm text-brand hover:bg-brand hover:text-white">
        {label}
      </button>
      <span aria-live="polite" data-copy-status className="break-all text-sm text-muted" />
    </div>
  );
}
