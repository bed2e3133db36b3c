'use client';
// A citizen's comment on a profile: moderated before it is shown.
import { useActionState } from 'react';
import { commentAction } from '@/app/(public)/good-people/actions';
import type { ActionState } from '@/server/actions';
import { COMMENT_RECEIVED } from '@/lib/people-public';
import { useClientText } from '../client-text';
import { FieldShell, FormMessage, inputClass, SubmitButton, TextField } from '../form-fields';

export function CommentForm({ personId }: { personId: number }) {
  const [state, action] = useActionState<ActionState, FormData>(commentAction, {});
  const t = useClientText();
  return (
    <form action={action} aria-label={t('发表评论')} className="space-y-3">
      <input type="hidden" name="personId" value={personId} />
      <FormMessage state={state} success={COMMENT_RECEIVED} />
      <TextField state={state} name="nickname" label="昵称" hint="选填，不超过20个字；不填显示为“网友”" autoComplete="nickname" />
      <FieldShell id="field-body" label="评论内容" required hint="5至500个字；评论经审核通过后显示" error={state.fieldErrors?.body}>
        {(aria) => <textarea {...aria} name="body" rows={4} required defaultValue={state.values?.body} className={inputClass} />}
      </FieldShell>
      <SubmitButton>发表评论</SubmitButton>
    </form>
  );
}
