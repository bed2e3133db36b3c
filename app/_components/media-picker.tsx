'use client';

// Chooses an image from the media library inside an editor's form: an inline panel (no pop-up window)
// of thumbnails as buttons, and a hidden input that submits the chosen storage key.
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { findMediaForPicker, listMediaForPicker, type PickerAsset, type PickerResult } from '../(admin)/admin/media/actions';

type Props = {
  name: string;
  label: string;
  /** The stored key of the current image, if any. */
  defaultValue?: string;
  /** The current image, when the page already has it (saves a round trip). */
  defaultAsset?: PickerAsset | null;
  hint?: string;
  error?: string;
};

const button = 'rounded border border-line bg-white px-3 py-1.5 text-sm hover:border-brand disabled:opacity-60';

export function MediaPicker({ name, label, defaultValue, defaultAsset, hint, error }: Props) {
  const id = useId();
  const [value, setValue] = useState(defaultValue ?? defaultAsset?.storageKey ?? '');
  const [chosen, setChosen] = useState<PickerAsset | null>(defaultAsset ?? null);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<PickerResult | null>(null);
  const [loading, startLoading] = useTransition();
  const toggleRef = useRef<HTMLButtonElement>(null);

  // A saved form knows only the key: fetch its thumbnail and alt text once.
  useEffect(() => {
    if (!defaultValue || defaultAsset) return;
    let live = true;
    findMediaForPicker(defaultValue).then((asset) => {
      if (live) setChosen(asset);
    });
    return () => {
      live = false;
    };
  }, [defaultValue, defaultAsset]);

  function load(page: number) {
    startLoading(async () => {
      setResult(await listMediaForPicker(page));
    });
  }

  function toggle() {
    // Reload on every opening, so images uploaded meanwhile (in another tab) show up.
    if (!open) load(result?.ok ? result.page : 1);
    setOpen(!open);
  }

  function choose(asset: PickerAsset | null) {
    setChosen(asset);
    setValue(asset?.storageKey ?? '');
    setOpen(false);
    toggleRef.current?.focus();
  }

  const panelId = `${id}-panel`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy}>
      <legend className="text-sm font-medium">{label}</legend>
      <input type="hidden" name={name} value={value} />
      <div className="flex flex-wrap items-center gap-3">
        {chosen ? (
          // eslint-disable-next-line @next/next/no-img-element -- already WebP sizes made by sharp
          <img src={chosen.thumbUrl} alt={chosen.alt} className="h-24 w-32 rounded border border-line bg-canvas object-contain" />
        ) : (
          <span className="flex h-24 w-32 items-center justify-center rounded border border-dashed border-line text-sm text-muted">
            {value ? '图片已选' : '未选择图片'}
          </span>
        )}
        <div className="flex flex-wrap gap-2">
          <button ref={toggleRef} type="button" className={button} aria-expanded={open} aria-controls={panelId} onClick={toggle}>
            {open ? '收起媒体库' : chosen || value ? '更换图片' : '从媒体库选择'}
          </button>
          {value && (
            <button type="button" className={button} onClick={() => choose(null)}>
              不用图片
            </button>
          )}
        </div>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-brand">
          {error}
        </p>
      )}
      <div id={panelId} hidden={!open} className="rounded border border-line bg-canvas p-3">
        <PickerPanel result={result} loading={loading} selected={value} onChoose={choose} onPage={load} />
      </div>
    </fieldset>
  );
}

function PickerPanel({ result, loading, selected, onChoose, onPage }: { result: PickerResult | null; loading: boolean; selected: string; onChoose: (asset: PickerAsset) => void; onPage: (page: number) => void }) {
  if (!result) return <p className="text-sm text-muted">{loading ? '正在载入媒体库…' : ''}</p>;
  if (!result.ok) return <p className="text-sm text-brand">{result.message}</p>;
  return (
    <div className="space-y-3" aria-busy={loading}>
      {result.items.length === 0 ? (
        <p className="text-sm text-muted">媒体库里还没有图片，请先在“媒体库”页面上传。</p>
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 md:grid-cols-4">
          {result.items.map((asset) => (
            <li key={asset.storageKey}>
              <button
                type="button"
                aria-pressed={asset.storageKey === selected}
                onClick={() => onChoose(asset)}
                className="block w-full rounded border-2 border-transparent bg-white p-1 text-left hover:border-brand aria-pressed:border-brand"
              >
                {/* eslint-disable-next-line @next/next/no-img-element -- already WebP sizes made by sharp */}
                <img src={asset.thumbUrl} alt="" loading="lazy" className="h-24 w-full object-contain" />
                <span className="mt-1 line-clamp-2 block text-xs">{asset.alt}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {result.pages > 1 && (
        <div className="flex items-center gap-2 text-sm">
          <button type="button" className={button} disabled={loading || result.page <= 1} onClick={() => onPage(result.page - 1)}>
            上一页
          </button>
          <span>
            第{result.page}/{result.pages}页
          </span>
          <button type="button" className={button} disabled={loading || result.page >= result.pages} onClick={() => onPage(result.page + 1)}>
            下一页
          </button>
        </div>
      )}
    </div>
  );
}
