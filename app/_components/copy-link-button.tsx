'use client';
// Copies the page's address; says the result in a polite live region.
import { useState } from 'react';

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

export function CopyLinkButton({ url }: { url: string }) {
  const [message, setMessage] = useState('');

  async function copy() {
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = copyWithSelection(url);
    }
    setMessage(copied ? '链接已复制，可粘贴发送给好友' : `复制失败，请手动复制：${url}`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={copy} className="rounded border border-brand px-3 py-1 text-sm text-brand hover:bg-brand hover:text-white">
        复制链接
      </button>
      <span aria-live="polite" className="break-all text-sm text-muted">
        {message}
      </span>
    </div>
  );
}
