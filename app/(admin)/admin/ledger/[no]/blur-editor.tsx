'use client';

// Blur rectangles for a photo's public copy (faces, number plates). The form always holds numeric inputs
// (left, top, width, height in percent of the picture): without JavaScript staff type them; with it they drag
// rectangles over the picture and the inputs follow. The server applies the blur (publish-photo.ts).
import { useRef, useState } from 'react';
import { useClientText } from '../../../../_components/client-text';
import { inputClass } from '../../../../_components/form-fields';

import { MAX_BLUR_RECTS } from './blur-limits';

type Rect = { x: number; y: number; w: number; h: number };
const EMPTY = { x: '', y: '', w: '', h: '' };
type Row = typeof EMPTY;

const round = (n: number) => String(Math.round(Math.min(100, Math.max(0, n)) * 10) / 10);

function asRect(row: Row): Rect | null {
  const [x, y, w, h] = [row.x, row.y, row.w, row.h].map(Number) as [number, number, number, number];
  if ([row.x, row.y, row.w, row.h].some((v) => v === '') || [x, y, w, h].some((v) => !Number.isFinite(v)) || w <= 0 || h <= 0) return null;
  return { x, y, w, h };
}

export function BlurEditor({ idPrefix, src, alt, errors }: { idPrefix: string; src: string; alt: string; errors?: Record<string, string> }) {
  const t = useClientText();
  const [rows, setRows] = useState<Row[]>(() => Array.from({ length: MAX_BLUR_RECTS }, () => ({ ...EMPTY })));
  const [drawing, setDrawing] = useState<{ start: { x: number; y: number }; now: { x: number; y: number } } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const point = (event: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: ((event.clientX - r.left) / r.width) * 100, y: ((event.clientY - r.top) / r.height) * 100 };
  };
  const finish = () => {
    if (!drawing) return;
    const x = Math.min(drawing.start.x, drawing.now.x);
    const y = Math.min(drawing.start.y, drawing.now.y);
    const w = Math.abs(drawing.now.x - drawing.start.x);
    const h = Math.abs(drawing.now.y - drawing.start.y);
    setDrawing(null);
    if (w < 1 || h < 1) return;
    setRows((current) => {
      const free = current.findIndex((row) => asRect(row) === null);
      if (free === -1) return current;
      const next = [...current];
      next[free] = { x: round(x), y: round(y), w: round(w), h: round(h) };
      return next;
    });
  };
  const rects = rows.map(asRect);
  const preview = drawing
    ? { x: Math.min(drawing.start.x, drawing.now.x), y: Math.min(drawing.start.y, drawing.now.y), w: Math.abs(drawing.now.x - drawing.start.x), h: Math.abs(drawing.now.y - drawing.start.y) }
    : null;

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t('在图片上拖动鼠标或手指框出需要模糊的区域（人脸、车牌等），也可在下方直接填写百分比。最多6处。')}</p>
      <div
        ref={box}
        className="relative inline-block max-w-full touch-none select-none"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          const p = point(event);
          setDrawing({ start: p, now: p });
        }}
        onPointerMove={(event) => drawing && setDrawing({ ...drawing, now: point(event) })}
        onPointerUp={finish}
        onPointerCancel={() => setDrawing(null)}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a private original served by the admin route, not a media upload */}
        <img src={src} alt={alt} draggable={false} className="block max-h-[28rem] max-w-full" />
        {[...rects, preview].map((r, i) =>
          r ? (
            <span
              key={i}
              aria-hidden="true"
              className="absolute border-2 border-brand bg-black/40 backdrop-blur-sm"
              style={{ left: `${r.x}%`, top: `${r.y}%`, width: `${r.w}%`, height: `${r.h}%` }}
            />
          ) : null,
        )}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t('模糊区域（占图片宽、高的百分比）')}</legend>
        {rows.map((row, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <span className="w-14 pb-2 text-sm text-muted">{t(`区域${i + 1}`)}</span>
            {(['x', 'y', 'w', 'h'] as const).map((field) => {
              const id = `${idPrefix}-r${i}${field}`;
              const label = { x: '左边距', y: '上边距', w: '宽度', h: '高度' }[field];
              return (
                <div key={field} className="w-20">
                  <label htmlFor={id} className="block text-xs">
                    {t(label)}
                  </label>
                  <input
                    id={id}
                    name={`r${i}${field}`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step={0.1}
                    value={row[field]}
                    onChange={(event) => setRows((current) => current.map((r, j) => (j === i ? { ...r, [field]: event.target.value } : r)))}
                    aria-invalid={errors?.[`r${i}`] ? true : undefined}
                    aria-describedby={errors?.[`r${i}`] ? `${idPrefix}-r${i}-error` : undefined}
                    className={inputClass}
                  />
                </div>
              );
            })}
            {asRect(row) ? (
              <button type="button" className="pb-2 text-sm underline hover:text-brand" onClick={() => setRows((current) => current.map((r, j) => (j === i ? { ...EMPTY } : r)))}>
                {t('清除')}
              </button>
            ) : null}
            {errors?.[`r${i}`] ? (
              <p id={`${idPrefix}-r${i}-error`} className="basis-full text-sm text-brand">
                {t(errors[`r${i}`]!)}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
