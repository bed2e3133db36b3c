'use client';

// The media library's forms: upload, edit the alt text, delete (confirmed by a checkbox, so it works
// without JavaScript and without pop-up dialogs).
import { useActionState } from 'react';
import type { ActionState } from '@/server/actions';
import { FormMessage, SubmitButton, TextField, inputClass } from '../../../_components/form-fields';
import { deleteMediaAsset, updateMediaAltText, uploadMedia } from './actions';

const ALT_HINT = '2-120个字，写清图片里是什么，例如“志愿者在社区广场为老人测量血压”。读屏软件会朗读它。';

function FileField({ state }: { state: ActionState }) {
  const error = state.fieldErrors?.file;
  return (
    <div>
      <label htmlFor="field-file" className="block text-sm font-medium">
        图片文件<span className="text-brand"> *</span>
      </label>
      <input
        id="field-file"
        name="file"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-file-hint field-file-error' : 'field-file-hint'}
        className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-canvas file:px-3 file:py-1`}
      />
      <p id="field-file-hint" className="mt-1 text-xs text-muted">
        JPEG、PNG、WebP 或 GIF，不超过10MB；不接受 SVG。上传后自动生成适合手机和电脑的尺寸，并去除拍摄地点等信息。
      </p>
      {error && (
        <p id="field-file-error" className="mt-1 text-sm text-brand">
          {error}
        </p>
      )}
    </div>
  );
}

export function UploadMediaForm() {
  const [state, action] = useActionState(uploadMedia, {} as ActionState);
  return (
    <form action={action} className="grid grid-cols-1 gap-3 md:grid-cols-2 md:items-start" key={state.ok ? 'done' : 'editing'}>
      <FileField state={state} />
      <TextField state={state} name="alt" label="替代文字" required maxLength={120} hint={ALT_HINT} />
      <div className="space-y-2 md:col-span-2">
        <SubmitButton pendingText="上传中…">上传图片</SubmitButton>
        <FormMessage state={state} success="图片已上传。" />
      </div>
    </form>
  );
}

type Row = { id: number; alt: string; originalName: string };

export function MediaRowForms({ asset }: { asset: Row }) {
  const [altState, altAction] = useActionState(updateMediaAltText, {} as ActionState);
  const [removal, removeAction] = useActionState(deleteMediaAsset, {} as ActionState);
  const confirmError = removal.fieldErrors?.confirm;
  const confirmId = `confirm-delete-${asset.id}`;
  return (
    <div className="space-y-3">
      <form action={altAction} className="space-y-2" aria-label={`修改“${asset.originalName}”的替代文字`}>
        <input type="hidden" name="id" value={asset.id} />
        <TextField state={altState} id={`alt-${asset.id}`} name="alt" label="替代文字" required maxLength={120} defaultValue={asset.alt} />
        <SubmitButton tone="secondary">保存</SubmitButton>
        <FormMessage state={altState} success="已保存。" />
      </form>
      <form action={removeAction} className="space-y-2 border-t border-line pt-3" aria-label={`删除“${asset.originalName}”`}>
        <input type="hidden" name="id" value={asset.id} />
        <div className="flex items-center gap-2">
          <input
            id={confirmId}
            type="checkbox"
            name="confirm"
            value="yes"
            required
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? `${confirmId}-error` : undefined}
            className="size-5"
          />
          <label htmlFor={confirmId} className="text-sm">
            确认删除（已用在文章里的图片将无法显示）
          </label>
        </div>
        {confirmError && (
          <p id={`${confirmId}-error`} className="text-sm text-brand">
            {confirmError}
          </p>
        )}
        <SubmitButton tone="danger">删除图片</SubmitButton>
        <FormMessage state={removal} />
      </form>
    </div>
  );
}
