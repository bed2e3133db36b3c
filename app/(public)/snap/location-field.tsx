'use client';
// 随手拍: the phone's location, optional. Without JavaScript (or when the visitor declines) the form still
// works: the address text and the area say where. The exact point is kept for staff only; public pages
// show it rounded to about 100 m (lib/geo.ts).
import { useState, useSyncExternalStore } from 'react';
import { useClientText } from '@/app/_components/client-text';

type Point = { lat: string; lng: string };

const subscribe = () => () => {};

export function LocationField({ defaultValue, error }: { defaultValue?: Point; error?: string }) {
  const t = useClientText();
  const [point, setPoint] = useState<Point | null>(defaultValue?.lat && defaultValue.lng ? defaultValue : null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // Drawn only once scripts run: without JavaScript a button that does nothing would only confuse.
  const ready = useSyncExternalStore(subscribe, () => true, () => false);

  function locate() {
    if (!('geolocation' in navigator)) {
      setMessage(t('此浏览器不支持定位，请在上方填写详细地址。'));
      return;
    }
    setBusy(true);
    setMessage(t('正在获取位置…'));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        setPoint({ lat: position.coords.latitude.toFixed(6), lng: position.coords.longitude.toFixed(6) });
        setMessage(t('已获取当前位置，公开时只显示到约100米范围。'));
      },
      () => {
        setBusy(false);
        setMessage(t('未能获取位置（可能未允许定位），请在上方填写详细地址。'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function clear() {
    setPoint(null);
    setMessage(t('已清除位置。'));
  }

  const hidden = (
    <>
      <input type="hidden" name="lat" value={point?.lat ?? ''} />
      <input type="hidden" name="lng" value={point?.lng ?? ''} />
    </>
  );
  const problem = error ? (
    <p id="field-location-error" className="mt-1 text-sm text-brand">
      {t(error)}
    </p>
  ) : null;
  if (!ready) {
    return (
      <>
        {hidden}
        {problem}
      </>
    );
  }
  return (
    <div className="rounded border border-dashed border-line p-3">
      <p className="text-sm font-medium">{t('手机定位（选填）')}</p>
      <p className="mt-1 text-xs text-muted">{t('精确位置只提供给工作人员，公开台账只显示到约100米范围。')}</p>
      {hidden}
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="button" onClick={locate} disabled={busy} aria-describedby={error ? 'field-location-error' : undefined} className="rounded border border-brand bg-white px-3 py-1.5 text-sm text-brand hover:bg-brand-soft disabled:opacity-60">
          {point ? t('重新定位') : t('使用当前位置')}
        </button>
        {point && (
          <button type="button" onClick={clear} className="text-sm text-muted underline hover:text-brand">
            {t('不提供位置')}
          </button>
        )}
      </div>
      <p className="mt-2 text-sm text-muted" aria-live="polite">
        {message}
      </p>
      {problem}
    </div>
  );
}
