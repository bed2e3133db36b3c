'use client';
// 举报 one approved comment; three reports from different browsers hide it until a moderator decides.
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { reportAction } from '@/app/(public)/good-people/actions';
import type { ActionState } from '@/server/actions';
import { useClientText } from '../client-text';

function Button({ label }: { label: string }) {
  const { pending } = useFormStatus();
  const t = useClientText();
  return (
    <button type="submit" disabled={pending} aria-label={label} className="text-xs text-muted underline hover:text-brand disabled:opacity-60">
      {t('举报')}
    </button>
  );
}

export function ReportButton({ commentId, nickname }: { commentId: number; nickname: string }) {
  const [state, action] = useActionState<ActionState, FormData>(reportAction, {});
  const t = useClientText();
  if (state.ok) {
    return (
      <p role="status" className="text-xs text-muted">
        {t(state.message ?? '')}
      </p>
    );
  }
  return (
    <form action={action} className="inline">
      <input type="hidden" name="commentId" value={commentId} />
      <Button label={`举报${nickname}的评论`} />
      {state.message && (
        <span role="alert" className="ml-2 text-xs text-brand">
          {t(state.message)}
        </span>
      )}
    </form>
  );
}
