'use client';
// Tells the server once per page view that the article was read (see lib/view-counter.ts).
import { useEffect, useRef } from 'react';

export function ViewBeacon({ articleId }: { articleId: number }) {
  // A ref survives React's development double-run of effects, so one view sends one beacon.
  const sent = useRef<number | null>(null);
  useEffect(() => {
    if (sent.current === articleId) return;
    sent.current = articleId;
    const url = `/api/news/${articleId}/view`;
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url)) return;
    fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
  }, [articleId]);
  return null;
}
