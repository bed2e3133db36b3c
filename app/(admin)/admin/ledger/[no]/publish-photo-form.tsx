'use client';

// 公开照片: the original with the blur editor over it; the server stores the redacted copy through the media path.
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, SubmitButton } from '../../../../_components/form-fields';
import { publishIssuePhoto } from './actions';
import { BlurEditor } from './blur-editor';

export function PublishPhotoForm({ photoId, no, src, alt }: { photoId: number; no: string; src: string; alt: string }) {
  const [state, action] = useActionState(publishIssuePhoto, {} as ActionState);
  return (
    <form action={action} aria-label={`公开${alt}`} className="space-y-3">
      <input type="hidden" name="no" value={no} />
      <input type="hidden" name="photoId" value={photoId} />
      <BlurEditor idPrefix={`photo-${photoId}`} src={src} alt={alt} errors={state.fieldErrors} />
      <SubmitButton tone="secondary" pendingText="正在处理…">
        公开此照片（应用模糊）
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
