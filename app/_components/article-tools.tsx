'use client';
// 【打印】【关闭】 under an article, as on government sites. Both need a script, so they appear only once the
// page's JavaScript runs; without it the browser's own print and back remain.
import { useRouter } from 'next/navigation';
import { useSyncExternalStore } from 'react';
import { useClientText } from './client-text';

const subscribe = () => () => {};

export function ArticleTools() {
  const ready = useSyncExternalStore(subscribe, () => true, () => false);
  const t = useClientText();
  const router = useRouter();
  const closeWindow = () => {
    window.close();
    // A tab the reader opened (not a script) cannot be closed by the page: go back, or home.
    window.setTimeout(() => {
      if (window.closed) return;
      if (window.history.length > 1) router.back();
      else router.push('/');
    }, 300);
  };
  if (!ready) return null;
  const button = 'text-sm text-muted hover:text-brand hover:underline';
  return (
    <div className="mt-4 flex justify-end gap-3" data-testid="article-tools">
      <button type="button" onClick={() => window.print()} className={button}>
        {t('【打印】')}
      </button>
      <button type="button" onClick={closeWindow} className={button}>
        {t('【关闭】')}
      </button>
    </div>
  );
}
