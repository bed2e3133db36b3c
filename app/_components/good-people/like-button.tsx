'use client';
// 点赞: one like per person per browser per day (the server decides). Without JavaScript the form still
// posts and the page answers with the same message. Whether this browser has liked today is personal, and
// profile pages are cached for everyone: the button asks /api/good-people/[id]/like after loading, and
// then shows 已点赞 (and the current count) instead of the button.
import { useActionState, useEffect, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { likeAction, type LikeState } from '@/app/(public)/good-people/actions';
import { useClientText } from '../client-text';

function Button({ name, liked }: { name: string; liked: boolean }) {
  const { pending } = useFormStatus();
  const t = useClientText();
  if (liked) {
    return (
      <button type="submit" disabled aria-disabled="true" className="rounded border border-brand px-4 py-2 text-sm font-medium text-brand" data-testid="liked">
        <span aria-hidden="true">✓ </span>
        {t('已点赞')}
      </button>
    );
  }
  return (
    <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-60">
      {pending ? (
        t('提交中…')
      ) : (
        <>
          {t('为')}
          {name}
          {t('点赞')}
        </>
      )}
    </button>
  );
}

export function LikeButton({ personId, name, likeCount }: { personId: number; name: string; likeCount: number }) {
  const [state, action] = useActionState<LikeState, FormData>(likeAction, {});
  const [known, setKnown] = useState<{ liked: boolean; likeCount: number } | null>(null);
  const t = useClientText();
  useEffect(() => {
    let live = true;
    fetch(`/api/good-people/${personId}/like`, { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { liked: boolean; likeCount: number } | null) => {
        if (live && data) setKnown(data);
      })
      .catch(() => {
        // Offline: the button stays as the page drew it; the server still refuses a second like.
      });
    return () => {
      live = false;
    };
  }, [personId]);
  const liked = Boolean(state.liked || known?.liked);
  const count = state.likeCount ?? known?.likeCount ?? likeCount;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="personId" value={personId} />
      <Button name={name} liked={liked} />
      <span className="text-sm text-muted">
        {t('点赞数：')}
        <span data-testid="like-count">{count}</span>
      </span>
      {state.message && (
        <p role="status" className={`w-full text-sm ${state.ok ? 'text-green-800' : 'text-brand'}`}>
          {t(state.message)}
        </p>
      )}
    </form>
  );
}
