'use client';
// Tells the server once per page view that the page was read (see server/view-counter.ts). News articles
// pass their id; other pages pass the endpoint of their own counter (e.g. /api/good-people/7/view).
import { useEffect, useRef } from 'react';

export function ViewBeacon({ articleId, url }: { articleId?: number; url?: string }) {
  const target = url ?? (articleId ? `/api/news/${articleId}/view` : null);
  // A ref survives React's development double-run of effects, so one view sends one beacon.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!target || sent.current === target) return;
    sent.current = target;
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(target)) return;
    fetch(target, { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
  }, [target]);
  return null;
}
