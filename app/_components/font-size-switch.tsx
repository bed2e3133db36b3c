'use client';
// 适老化 font sizes for article text: the choice is kept in localStorage and shared by the buttons
// (FontSizeSwitch) and the element whose class changes (FontSizeScope).
import { useSyncExternalStore } from 'react';
import { useClientText } from './client-text';

const SIZES = [
  { value: 'normal', label: '正常', className: '[&_.article-body]:text-lg' },
  { value: 'large', label: '大', className: '[&_.article-body]:text-xl' },
  { value: 'xlarge', label: '特大', className: '[&_.article-body]:text-2xl' },
] as const;
type Size = (typeof SIZES)[number]['value'];

const STORAGE_KEY = 'article-font-size';
const listeners = new Set<() => void>();
// Used when localStorage is unavailable (private mode, blocked storage): the choice lasts for the page.
let chosen: Size | null = null;

const isSize = (value: unknown): value is Size => SIZES.some((size) => size.value === value);

function readSize(): Size {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage blocked: fall back to the in-page choice
  }
  return isSize(stored) ? stored : (chosen ?? 'normal');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener); // another tab changed it
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function chooseSize(size: Size): void {
  chosen = size;
  try {
    window.localStorage.setItem(STORAGE_KEY, size);
  } catch {
    // not remembered across pages, still applied here
  }
  for (const listener of listeners) listener();
}

function useFontSize(): Size {
  return useSyncExternalStore(subscribe, readSize, () => 'normal');
}

/** 字号 buttons: 正常 / 大 / 特大, each a toggle button with aria-pressed. */
export function FontSizeSwitch() {
  const size = useFontSize();
  const t = useClientText();
  return (
    <div role="group" aria-label={t('字号')} className="flex items-center gap-1 text-sm">
      <span aria-hidden="true" className="text-muted">
        {t('字号：')}
      </span>
      {SIZES.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={size === option.value}
          onClick={() => chooseSize(option.value)}
          className={`rounded border px-2 py-0.5 ${size === option.value ? 'border-brand bg-brand text-white' : 'border-line bg-white text-ink hover:border-brand hover:text-brand'}`}
        >
          {t(option.label)}
        </button>
      ))}
    </div>
  );
}

/** Wraps the article: its class sets the size of the article text (.article-body) inside. */
export function FontSizeScope({ children }: { children: React.ReactNode }) {
  const size = useFontSize();
  const className = SIZES.find((option) => option.value === size)!.className;
  return (
    <div className={className} data-font-size={size}>
      {children}
    </div>
  );
}
