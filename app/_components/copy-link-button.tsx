'use client';
// Copies a text (a receipt number shown by a form after it was sent); says the result in a polite live region.
// (The page-address button of app/_components/share-box.tsx is plain HTML worked by the page's inline script.)
import { useState } from 'react';
import { useClientText } from './client-text';

function copyWithSelection(text: string): boolean {
  // The Clipboard API needs a secure context (https or localhost); older ways still work elsewhere.
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.appendChild(field);
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
  }
}

/** A button that copies `text`; `label` is the button, `copied` the message after it worked. */
export function CopyButton({ text, label, copied }: { text: string; label: string; copied: string }) {
  const [message, setMessage] = useState('');
  const t = useClientText();

  async function copy() {
    let done = false;
    try {
      await navigator.clipboard.writeText(text);
      done = true;
    } catch {
      done = copyWithSelection(text);
    }
    setMessage(done ? t(copied) : `${t('复制失败，请手动复制：')}${text}`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className="rounded border border-brand px-3 py-1 text-sm text-brand hover:bg-brand hover:text-white">
        {t(label)}
      </button>
      <span aria-live="polite" className="break-all text-sm text-muted">
        {message}
      </span>
    </div>
  );
}
