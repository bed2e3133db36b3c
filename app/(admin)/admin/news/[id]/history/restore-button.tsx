'use client';

import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, SubmitButton } from '../../../../../_components/form-fields';
import { restoreNewsRevision } from './actions';

/** 恢复此版本: saved as a new version through the same versioned save (refused if the article changed). */
export function RestoreButton({ articleId, currentVersion, revision }: { articleId: number; currentVersion: number; revision: number }) {
  const [state, action] = useActionState(restoreNewsRevision, {} as ActionState);
  return (
    <form action={action} aria-label={`恢复版本 ${revision}`} className="space-y-1">
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="version" value={currentVersion} />
      <input type="hidden" name="revision" value={revision} />
      <SubmitButton tone="secondary" pendingText="恢复中…">
        恢复此版本
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
