'use client';

// The article form. Editors never lose work: the browser keeps a copy of unsaved input (restored after a
// reload or after signing in again), the server keeps an autosave every 15 s apart from the article, a save
// from a stale copy is refused with a diff, and others editing the same article are shown.
import Link from '@/app/_components/link';
import { useActionState, useCallback, useEffect, useId, useRef, useState } from 'react';
import { maskedFormValues, type ArticleFormValues } from '@/lib/article-input';
import { FieldShell, FormMessage, inputClass, type ControlAria } from '../../../_components/form-fields';
import { PiiMaskOption } from '../../../_components/pii-mask-option';
import { MediaPicker } from '../../../_components/media-picker';
import { createNewsArticle, saveNewsArticle } from './actions';
import { discardNewsAutosave } from './editor-actions';
import { localKey, readLocal, removeLocal, sameValues, useBrowserCopy, usePresence, useServerAutosave, valuesOf, whenText, writeLocal } from './editor-hooks';
import { DiffView } from './diff-view';
import { RichTextEditor } from './rich-text-editor';
import type { ArticleActionState, PresenceInfo, RecoveredDraft } from './types';

type Props = {
  mode: 'new' | 'edit';
  articleId: number | null;
  /** The saved version this form was loaded from (0 for a new article). */
  version: number;
  initial: ArticleFormValues;
  channels: { id: number; name: string }[];
  canSubmit: boolean;
  /** The user's server autosave, when newer than the saved version. */
  recovered: RecoveredDraft | null;
  presence: PresenceInfo[];
  userId: number;
  signedOutMessage: string;
  editUrl: string;
  /** Just created from /admin/news/new: the browser copy of the new form is no longer needed. */
  created?: boolean;
};

export function ArticleEditor(props: Props) {
  const { mode, articleId, channels, userId, signedOutMessage, editUrl } = props;
  const key = localKey(userId, articleId);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();

  const [defaults, setDefaults] = useState<ArticleFormValues>(props.initial);
  const [body, setBody] = useState(props.initial.body);
  const [formSeq, setFormSeq] = useState(0);
  const [base, setBase] = useState(props.version);
  const [banner, setBanner] = useState<RecoveredDraft | null>(null);
  const [others, setOthers] = useState<PresenceInfo[]>(props.presence);
  const [autosaveNote, setAutosaveNote] = useState('');
  const [signedOut, setSignedOut] = useState(false);
  const [acceptedConflict, setAcceptedConflict] = useState<number | null>(null);

  // What is saved (for "unsaved changes"), and what the autosave last sent.
  const savedRef = useRef<ArticleFormValues | null>(null);
  const lastAutosaveRef = useRef('');
  const baseRef = useRef(base);
  const bannerRef = useRef<RecoveredDraft | null>(null);
  useEffect(() => {
    baseRef.current = base;
    bannerRef.current = banner;
  }, [base, banner]);

  const readForm = useCallback((): ArticleFormValues | null => (formRef.current ? valuesOf(new FormData(formRef.current)) : null), []);

  const [state, formAction, pending] = useActionState(async (previous: ArticleActionState, data: FormData): Promise<ArticleActionState> => {
    const submitted = valuesOf(data);
    // Kept before sending: if the session has expired, this copy is what comes back after signing in.
    writeLocal(key, { savedAt: new Date().toISOString(), baseVersion: baseRef.current, values: submitted });
    const result: ArticleActionState = await (mode === 'new' ? createNewsArticle : saveNewsArticle)(previous, data);
    // Saved with 自动打码: the answer carries the masked text, which the editor then shows.
    const stored = result.ok && result.values ? maskedFormValues(submitted, result.values) : submitted;
    setDefaults(stored);
    if (stored !== submitted) {
      setBody(stored.body);
      setFormSeq((n) => n + 1);
    }
    if (result.message === signedOutMessage) setSignedOut(true);
    if (result.ok && result.version) {
      setBase(result.version);
      setAcceptedConflict(null);
      setSignedOut(false);
      savedRef.current = stored;
      lastAutosaveRef.current = JSON.stringify(stored);
      removeLocal(key);
    }
    return result;
  }, {});

  // On opening: the saved state of the form, the browser copy left by a new form that was created, and
  // the newest unsaved work (server autosave or browser copy) to offer for restoring.
  useEffect(() => {
    const saved = readForm();
    savedRef.current = saved;
    lastAutosaveRef.current = JSON.stringify(saved);
    if (props.created) removeLocal(localKey(userId, null));
    const local = readLocal(key);
    if (local && saved && sameValues(local.values, saved)) removeLocal(key);
    const candidates: RecoveredDraft[] = [];
    if (props.recovered && !(saved && sameValues(props.recovered.values, saved))) candidates.push(props.recovered);
    if (local && !(saved && sameValues(local.values, saved))) {
      candidates.push({ source: 'browser', savedAt: local.savedAt, savedAtText: whenText(local.savedAt), baseVersion: local.baseVersion, values: local.values });
    }
    candidates.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    // Runs once on mount; a browser copy can only be read here, never during the server render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (candidates[0]) setBanner(candidates[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useBrowserCopy(key, readForm, { savedRef, bannerRef, baseRef });
  useServerAutosave(mode === 'edit' ? articleId : null, readForm, { savedRef, bannerRef, baseRef, lastAutosaveRef }, {
    signedOutMessage,
    onNote: setAutosaveNote,
    onSignedOut: () => setSignedOut(true),
  });
  usePresence(mode === 'edit' ? articleId : null, { onOthers: setOthers, onSignedOut: () => setSignedOut(true) });

  function restore(draft: RecoveredDraft) {
    setDefaults(draft.values);
    setBody(draft.values.body);
    if (mode === 'edit') setBase(draft.baseVersion || props.version);
    setFormSeq((n) => n + 1);
    setBanner(null);
  }

  async function discard(draft: RecoveredDraft) {
    removeLocal(key);
    setBanner(null);
    if (articleId && (draft.source === 'server' || props.recovered)) {
      const data = new FormData();
      data.set('id', String(articleId));
      await discardNewsAutosave({}, data);
    }
  }

  function reloadLatest() {
    removeLocal(key);
    window.location.assign(editUrl);
  }

  const errors = state.fieldErrors ?? {};
  const conflict = state.conflict && acceptedConflict !== state.conflict.theirVersion ? state.conflict : null;

  return (
    <div className="space-y-4">
      {others.length > 0 && (
        <div role="status" className="rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {others.map((o) => (
            <p key={o.name}>
              注意：{o.name} 也在编辑此文章（最近活动 {o.at}）。同时保存时，后保存的一方会收到提示并可比较差异。
            </p>
          ))}
        </div>
      )}

      {banner && (
        <section aria-label="未提交的内容" className="rounded border border-focus bg-blue-50 px-3 py-3 text-sm">
          <p className="font-medium">发现 {banner.savedAtText} 自动保存的未提交内容</p>
          <p className="mt-1 text-muted">
            {banner.source === 'server' ? '保存在服务器的自动保存副本。' : '保存在本浏览器中的副本（例如登录过期或页面关闭前未保存的内容）。'}
            {mode === 'edit' && banner.baseVersion > 0 && banner.baseVersion < props.version && `它基于版本 ${banner.baseVersion}，文章现为版本 ${props.version}；恢复后保存时会提示您核对差异。`}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" onClick={() => restore(banner)} className="rounded bg-brand px-4 py-1.5 font-medium text-white hover:bg-brand-dark">
              恢复
            </button>
            <button type="button" onClick={() => discard(banner)} className="rounded border border-line bg-white px-4 py-1.5 hover:border-brand">
              丢弃
            </button>
          </div>
        </section>
      )}

      <form ref={formRef} action={formAction} className="space-y-4 rounded-lg bg-white p-4 shadow-sm" aria-label={mode === 'new' ? '新建文章' : '编辑文章'}>
        {articleId && <input type="hidden" name="id" value={articleId} />}
        {mode === 'edit' && <input type="hidden" name="version" value={base} />}
        <input type="hidden" name="body" value={body} />

        <div key={formSeq} className="space-y-4">
          <Field name="title" label="标题" required error={errors.title} hint="5-60个字">
            {(p) => <input {...p} type="text" defaultValue={defaults.title} required maxLength={80} />}
          </Field>
          <Field name="subtitle" label="副标题" error={errors.subtitle}>
            {(p) => <input {...p} type="text" defaultValue={defaults.subtitle} maxLength={80} />}
          </Field>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field name="channelId" label="栏目" required error={errors.channelId}>
              {(p) => (
                <select {...p} defaultValue={defaults.channelId}>
                  <option value="">请选择栏目</option>
                  {channels.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="tags" label="标签" error={errors.tags} hint="用逗号、顿号或空格分开，最多8个，每个不超过12个字">
              {(p) => <input {...p} type="text" defaultValue={defaults.tags} />}
            </Field>
          </div>
          <Field name="summary" label="摘要" error={errors.summary} hint="不超过200个字；不填则自动取正文开头">
            {(p) => <textarea {...p} rows={3} defaultValue={defaults.summary} />}
          </Field>

          <div>
            <p id={`${ids}-body-label`} className="block text-sm font-medium">
              正文
              <span aria-hidden="true" className="text-brand">
                {' '}
                *
              </span>
            </p>
            <p id={`${ids}-body-hint`} className="mt-1 text-xs text-muted">
              可从 Word/WPS 粘贴，多余的格式会被清除；图片请用“插入图片”从媒体库选择。
            </p>
            <RichTextEditor
              key={formSeq}
              initialHtml={defaults.body}
              onChange={setBody}
              labelId={`${ids}-body-label`}
              describedBy={[`${ids}-body-hint`, errors.body ? 'field-body-error' : ''].filter(Boolean).join(' ')}
              error={errors.body}
            />
            {errors.body && (
              <p id="field-body-error" className="mt-1 text-sm text-brand">
                {errors.body}
              </p>
            )}
          </div>

          <MediaPicker key={`cover-${formSeq}`} name="coverImage" label="封面图" defaultValue={defaults.coverImage || undefined} error={errors.coverImage} hint="可选；列表和分享时显示" />

          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field name="source" label="来源" error={errors.source}>
              {(p) => <input {...p} type="text" defaultValue={defaults.source} maxLength={60} />}
            </Field>
            <Field name="author" label="作者" error={errors.author}>
              {(p) => <input {...p} type="text" defaultValue={defaults.author} maxLength={60} />}
            </Field>
            <Field name="editorName" label="编审" error={errors.editorName}>
              {(p) => <input {...p} type="text" defaultValue={defaults.editorName} maxLength={60} />}
            </Field>
          </div>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 sm:items-start">
            <Field name="slug" label="网址别名" error={errors.slug} hint="可选：小写英文字母、数字和连字符，如 civic-week-2026；不填则用文章编号">
              {(p) => <input {...p} type="text" defaultValue={defaults.slug} maxLength={80} autoCapitalize="none" spellCheck={false} />}
            </Field>
            <label className="flex items-center gap-2 text-sm sm:pt-7">
              <input type="checkbox" name="pinned" defaultChecked={defaults.pinned === 'on'} className="h-5 w-5" />
              置顶（首页头条优先显示）
            </label>
          </div>
        </div>

        {/* Signed out: the fuller notice below replaces the generic message. */}
        <PiiMaskOption state={state} />
        {!signedOut && <FormMessage state={state} success={mode === 'edit' && state.version ? `已保存（版本 ${state.version}）。` : undefined} />}

        {signedOut && (
          <div role="alert" className="rounded border border-brand bg-brand-soft px-3 py-2 text-sm">
            登录已过期。您的内容已保存在本浏览器中，不会丢失。
            <a href={`/login?callbackUrl=${encodeURIComponent(editUrl)}`} className="ml-1 font-medium text-brand underline">
              重新登录
            </a>
            后回到此页，点击“恢复”即可继续编辑。
          </div>
        )}

        {conflict && articleId && (
          <section aria-label="保存冲突" className="space-y-3 rounded border border-brand p-3">
            <h2 className="font-bold">您的内容与版本 {conflict.theirVersion}（{conflict.savedByName} {conflict.savedAt} 保存）的差异</h2>
            <DiffView diffs={conflict.diff} older={`版本 ${conflict.theirVersion}`} newer="您的内容" />
            <div className="flex flex-wrap gap-2 text-sm">
              <Link href={`/admin/news/${articleId}/history?compare=${conflict.theirVersion}&base=${conflict.baseVersion}`} className="rounded border border-line px-3 py-1.5 underline hover:border-brand" target="_blank">
                查看版本差异（新窗口）
              </Link>
              <button type="button" onClick={() => { setBase(conflict.theirVersion); setAcceptedConflict(conflict.theirVersion); }} className="rounded border border-brand bg-white px-3 py-1.5 text-brand hover:bg-brand-soft">
                我已核对：以我的内容覆盖版本 {conflict.theirVersion}
              </button>
              <button type="button" onClick={reloadLatest} className="rounded border border-line bg-white px-3 py-1.5 hover:border-brand">
                放弃我的修改，载入最新版本
              </button>
            </div>
          </section>
        )}
        {acceptedConflict && (
          <p role="status" className="text-sm">
            已选择以您的内容为准：再点“保存”将把编辑框中的内容保存为版本 {acceptedConflict + 1}。
          </p>
        )}

        <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
          {mode === 'new' ? (
            <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
              {pending ? '保存中…' : '保存草稿'}
            </button>
          ) : (
            <>
              <button type="submit" name="intent" value="save" disabled={pending} className="rounded bg-brand px-5 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
                保存
              </button>
              {props.canSubmit && (
                <button type="submit" name="intent" value="submit" disabled={pending} className="rounded border border-brand bg-white px-5 py-2 font-medium text-brand hover:bg-brand-soft disabled:opacity-60">
                  提交审核
                </button>
              )}
              {pending && <span className="text-sm text-muted">保存中…</span>}
            </>
          )}
          <span role="status" className="text-sm text-muted">
            {autosaveNote}
          </span>
          {mode === 'edit' && articleId && autosaveNote.startsWith('已自动保存') && (
            <a href={`/admin/news/${articleId}/preview?autosave=1`} target="_blank" rel="noopener" className="text-sm underline hover:text-brand">
              预览未保存的内容（新窗口）
            </a>
          )}
        </div>
      </form>
    </div>
  );
}

type ControlProps = ControlAria & { name: string; className: string };

function Field({ name, label, required, error, hint, children }: { name: string; label: string; required?: boolean; error?: string; hint?: string; children: (props: ControlProps) => React.ReactNode }) {
  return (
    <FieldShell id={`field-${name}`} label={label} required={required} hint={hint} error={error}>
      {(aria) => children({ ...aria, name, className: inputClass })}
    </FieldShell>
  );
}
