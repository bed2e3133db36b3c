// 【打印】【关闭】 under an article, as on government sites. Both need a script: the page's inline script
// (app/_components/page-script.ts, data-print and data-close) works them, and they show only when scripts
// run (.js-only); without JavaScript the browser's own print and back remain. No React code reaches the browser.

export function ArticleTools() {
  const button = 'text-sm text-muted hover:text-brand hover:underline';
  return (
    <div className="js-only mt-4 flex justify-end gap-3" data-testid="article-tools">
      <button type="button" data-print className={button}>
        【打印】
      </button>
      <button type="button" data-close className={button}>
        【关闭】
      </button>
    </div>
  );
}
