// 适老化 display modes for the whole site: 大字版 and 高对比度, toggle buttons in the header's tool bar. No
// React code reaches the browser for them: the page's inline script (app/_components/page-script.ts) applies the
// stored choice to <html> (data-font="large", data-contrast="high", which globals.css keys on) before the first
// paint, toggles it on click (Enter and Space included: these are real buttons), remembers it in localStorage
// and keeps aria-pressed true to it. Pages stay the same for everyone, so the page cache serves them all.
// Without JavaScript the buttons are hidden (.js-only): nothing could switch the mode.

const MODES = [
  { attribute: 'font', label: '大字版' },
  { attribute: 'contrast', label: '高对比度' },
] as const;

/** 大字版 and 高对比度 toggle buttons (aria-pressed), for the header's tool bar. */
export function DisplaySwitches() {
  return (
    <div role="group" aria-label="显示模式" className="js-only flex flex-wrap items-center gap-2">
      {MODES.map((mode) => (
        <button
          key={mode.attribute}
          type="button"
          data-display-mode={mode.attribute}
          aria-pressed="false"
          className="group inline-flex min-h-9 items-center rounded border border-current px-3 py-1 text-sm font-medium hover:bg-black/20 aria-pressed:bg-on-masthead aria-pressed:text-masthead"
        >
          <span aria-hidden="true" className="mr-1 hidden group-aria-pressed:inline">
            ✓
          </span>
          {mode.label}
        </button>
      ))}
    </div>
  );
}
