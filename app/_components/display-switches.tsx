'use client';
// 适老化 display modes for the whole site: 大字版 and 高对比度. The choice is an attribute on <html>
// (data-font="large", data-contrast="high") that globals.css keys on, remembered in localStorage. The inline
// script in app/layout.tsx applies the stored choice before first paint; keep its keys in step with MODES.
import { useSyncExternalStore } from 'react';
import { useClientText } from './client-text';

const MODES = [
  { attribute: 'font', value: 'large', storageKey: 'a11y-font', label: '大字版' },
  { attribute: 'contrast', value: 'high', storageKey: 'a11y-contrast', label: '高对比度' },
] as const;
type Mode = (typeof MODES)[number];

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function isOn(mode: Mode): boolean {
  return document.documentElement.dataset[mode.attribute] === mode.value;
}

function apply(mode: Mode, on: boolean): void {
  const root = document.documentElement;
  if (on) root.dataset[mode.attribute] = mode.value;
  else delete root.dataset[mode.attribute];
}

// Another tab changed a mode: follow it here too.
function onStorage(event: StorageEvent): void {
  const mode = MODES.find((m) => m.storageKey === event.key);
  if (!mode) return;
  apply(mode, event.newValue === mode.value);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

function toggle(mode: Mode): void {
  const on = !isOn(mode);
  apply(mode, on);
  try {
    if (on) window.localStorage.setItem(mode.storageKey, mode.value);
    else window.localStorage.removeItem(mode.storageKey);
  } catch {
    // Storage blocked (private mode): the mode still applies until the page is left.
  }
  notify();
}

function ModeButton({ mode }: { mode: Mode }) {
  // The server renders "off"; the real state (set by the inline script) shows right after hydration.
  const pressed = useSyncExternalStore(
    subscribe,
    () => isOn(mode),
    () => false,
  );
  const t = useClientText();
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={() => toggle(mode)}
      className={`inline-flex min-h-9 items-center rounded border border-current px-3 py-1 text-sm font-medium ${
        pressed ? 'bg-on-masthead text-masthead' : 'hover:bg-black/20'
      }`}
    >
      {pressed && (
        <span aria-hidden="true" className="mr-1">
          ✓
        </span>
      )}
      {t(mode.label)}
    </button>
  );
}

/** 大字版 and 高对比度 toggle buttons (aria-pressed), for the header's tool bar. */
export function DisplaySwitches() {
  const t = useClientText();
  return (
    <div role="group" aria-label={t('显示模式')} className="flex flex-wrap items-center gap-2">
      {MODES.map((mode) => (
        <ModeButton key={mode.storageKey} mode={mode} />
      ))}
    </div>
  );
}
