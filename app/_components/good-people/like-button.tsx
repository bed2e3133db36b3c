'use client';
// 点赞: one like per person per browser per day (the server decides). Without JavaScript the form still
// posts and the page answers with the same message.
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { likeAction, type LikeState } from '@/app/(public)/good-people/actions';

function Button({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-60">
      {pending ? '提交中…' : `为${name}点赞`}
    </button>
  );
}

export function LikeButton({ personId, name, likeCount }: { personId: number; name: string; likeCount: number }) {
  const [state, action] = useActionState<LikeState, FormData>(likeAction, {});
  const count = state.likeCount ?? likeCount;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="personId" value={personId} />
      <Button name={name} />
      <span className="text-sm text-muted">点赞数：{count}</span>
      {state.message && (
        <p role="status" className={`w-full text-sm ${state.ok ? 'text-green-800' : 'text-brand'}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
