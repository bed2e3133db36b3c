// 适老化 font sizes for article text: 正常 / 大 / 特大. The page's inline script (app/_components/page-script.ts)
// keeps the choice in localStorage and on <html> (data-article-size), applies it before the first paint and
// keeps aria-pressed true to it; the size itself is CSS keyed on that attribute (FontSizeScope). No React code
// reaches the browser; without JavaScript the article keeps its normal size and the buttons are hidden.

const SIZES = [
  { value: 'normal', label: '正常' },
  { value: 'large', label: '大' },
  { value: 'xlarge', label: '特大' },
] as const;

/** 字号 buttons: 正常 / 大 / 特大, each a toggle button with aria-pressed. */
export function FontSizeSwitch() {
  return (
    <div role="group" aria-label="字号" className="js-only flex items-center gap-1 text-sm">
      <span aria-hidden="true" className="text-muted">
        字号：
      </span>
      {SIZES.map((option) => (
        <button
          key={option.value}
          type="button"
          data-article-size-choice={option.value}
          aria-pressed={option.value === 'normal'}
          className="rounded border border-line bg-white px-2 py-0.5 text-ink hover:border-brand hover:text-brand aria-pressed:border-brand aria-pressed:bg-brand aria-pressed:text-white"
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** Wraps the article: the size of the article text (.article-body) inside follows html[data-article-size]. */
export function FontSizeScope({ children }: { children: React.ReactNode }) {
  return <div className="article-size-scope">{children}</div>;
}
