'use client';

// The article body editor (TipTap): a toolbar of real buttons, links typed inline (no prompt), images from
// the media library or uploaded on the spot (into the library, through its own upload action), tables, and
// Word/WPS paste cleaned up. Its HTML goes to the parent, which submits it
// in a hidden field; the server sanitizes it again before storing.
import { Image } from '@tiptap/extension-image';
import { Table } from '@tiptap/extension-table';
import { TableCell } from '@tiptap/extension-table-cell';
import { TableHeader } from '@tiptap/extension-table-header';
import { TableRow } from '@tiptap/extension-table-row';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { StarterKit } from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { cleanPastedHtml } from '@/lib/article-input';
import { listMediaForPicker, uploadMedia, type MediaUploadState, type PickerResult } from '../media/actions';
import { resolveBodyImage } from './editor-actions';

type Props = {
  initialHtml: string;
  onChange: (html: string) => void;
  /** Replaces the content when `seq` changes (restoring an autosave). */
  replace?: { html: string; seq: number };
  error?: string;
  labelId: string;
  describedBy?: string;
};

const tool = 'min-h-9 min-w-9 rounded border border-line bg-white px-2 py-1 text-sm hover:border-brand disabled:opacity-40 aria-pressed:border-brand aria-pressed:bg-brand-soft aria-pressed:text-brand';
const small = 'rounded border border-line bg-white px-3 py-1.5 text-sm hover:border-brand disabled:opacity-60';

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/))/i;

export function RichTextEditor({ initialHtml, onChange, replace, error, labelId, describedBy }: Props) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { target: null, rel: 'noopener noreferrer' } },
      }),
      Image.configure({ inline: false, allowBase64: false }),
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
    ],
    content: initialHtml,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': 'true' } : {}),
        class: 'article-body min-h-72 space-y-3 px-3 py-3 text-base leading-relaxed focus:outline-none',
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChangeRef.current(e.isEmpty ? '' : e.getHTML()),
  });

  useEffect(() => {
    if (editor && replace) editor.commands.setContent(replace.html || '', { emitUpdate: false });
    // Only a new `seq` replaces the content; the html of the same seq never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, replace?.seq]);

  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: { ...(editor.options.editorProps.attributes as Record<string, string>), 'aria-invalid': error ? 'true' : 'false' },
      },
    });
  }, [editor, error]);

  return (
    <div className={`mt-1 rounded border bg-white ${error ? 'border-brand' : 'border-line'}`}>
      {editor ? <Toolbar editor={editor} /> : <p className="border-b border-line px-3 py-2 text-sm text-muted">正在载入编辑器…</p>}
      <EditorContent editor={editor} className="[&_img]:max-w-full [&_table]:my-2 [&_td]:min-w-16 [&_th]:min-w-16 [&_.selectedCell]:bg-brand-soft [&_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror-selectednode]:outline-focus" />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      href: (e.getAttributes('link').href as string | undefined) ?? '',
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [panel, setPanel] = useState<'link' | 'image' | null>(null);
  const panelId = useId();
  const chain = () => editor.chain().focus();

  const toggle = (label: string, pressed: boolean, run: () => void) => (
    <button type="button" className={tool} aria-label={label} title={label} aria-pressed={pressed} onClick={run}>
      {label}
    </button>
  );

  return (
    <div className="border-b border-line bg-canvas">
      <div role="toolbar" aria-label="正文格式" className="flex flex-wrap gap-1 p-2">
        {toggle('标题2', state.h2, () => chain().toggleHeading({ level: 2 }).run())}
        {toggle('标题3', state.h3, () => chain().toggleHeading({ level: 3 }).run())}
        {toggle('加粗', state.bold, () => chain().toggleBold().run())}
        {toggle('斜体', state.italic, () => chain().toggleItalic().run())}
        {toggle('无序列表', state.bullet, () => chain().toggleBulletList().run())}
        {toggle('有序列表', state.ordered, () => chain().toggleOrderedList().run())}
        {toggle('引用', state.quote, () => chain().toggleBlockquote().run())}
        <button type="button" className={tool} aria-label="链接" aria-pressed={state.link} aria-expanded={panel === 'link'} aria-controls={`${panelId}-link`} onClick={() => setPanel(panel === 'link' ? null : 'link')}>
          链接
        </button>
        <button type="button" className={tool} aria-label="插入图片" aria-expanded={panel === 'image'} aria-controls={`${panelId}-image`} onClick={() => setPanel(panel === 'image' ? null : 'image')}>
          插入图片
        </button>
        <button type="button" className={tool} aria-label="插入表格" onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
          插入表格
        </button>
        <button type="button" className={tool} aria-label="撤销" disabled={!state.canUndo} onClick={() => chain().undo().run()}>
          撤销
        </button>
        <button type="button" className={tool} aria-label="重做" disabled={!state.canRedo} onClick={() => chain().redo().run()}>
          重做
        </button>
      </div>
      {state.table && (
        <div role="toolbar" aria-label="表格" className="flex flex-wrap gap-1 border-t border-line px-2 py-1.5">
          <button type="button" className={tool} onClick={() => chain().addRowAfter().run()}>
            下方插入行
          </button>
          <button type="button" className={tool} onClick={() => chain().addColumnAfter().run()}>
            右侧插入列
          </button>
          <button type="button" className={tool} onClick={() => chain().deleteRow().run()}>
            删除行
          </button>
          <button type="button" className={tool} onClick={() => chain().deleteColumn().run()}>
            删除列
          </button>
          <button type="button" className={tool} onClick={() => chain().deleteTable().run()}>
            删除表格
          </button>
        </div>
      )}
      <div id={`${panelId}-link`} hidden={panel !== 'link'}>
        {panel === 'link' && <LinkPanel editor={editor} currentHref={state.href} onClose={() => setPanel(null)} />}
      </div>
      <div id={`${panelId}-image`} hidden={panel !== 'image'}>
        {panel === 'image' && <ImagePanel editor={editor} onClose={() => setPanel(null)} />}
      </div>
    </div>
  );
}

function LinkPanel({ editor, currentHref, onClose }: { editor: Editor; currentHref: string; onClose: () => void }) {
  const id = useId();
  const [href, setHref] = useState(currentHref);
  const [error, setError] = useState('');

  function apply() {
    const url = href.trim();
    if (!url) return remove();
    if (!SAFE_URL.test(url)) {
      setError('请填写以 https:// 或 http:// 开头的网址，或以 / 开头的站内地址');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    // With nothing selected, the address itself becomes the link text.
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
    else chain.setLink({ href: url }).run();
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <div className="flex flex-wrap items-end gap-2 border-t border-line p-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block text-sm">
          链接地址
        </label>
        <input
          id={id}
          type="url"
          inputMode="url"
          value={href}
          autoFocus
          onChange={(e) => setHref(e.target.value)}
          onKeyDown={(e) => {
            // Enter would submit the article form.
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
            if (e.key === 'Escape') onClose();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          placeholder="https://"
          className="mt-1 block w-full rounded border border-line px-2 py-1.5 text-sm"
        />
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-brand">
            {error}
          </p>
        )}
      </div>
      <button type="button" className={small} onClick={apply}>
        应用链接
      </button>
      {currentHref && (
        <button type="button" className={small} onClick={remove}>
          移除链接
        </button>
      )}
      <button type="button" className={small} onClick={onClose}>
        取消
      </button>
    </div>
  );
}

function ImagePanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [result, setResult] = useState<PickerResult | null>(null);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();

  function load(page: number) {
    startTransition(async () => {
      setResult(await listMediaForPicker(page));
    });
  }

  useEffect(() => {
    load(1);
  }, []);

  function insert(storageKey: string) {
    startTransition(async () => {
      const image = await resolveBodyImage(storageKey);
      if (!image) {
        setMessage('这张图片已不在媒体库中，或登录已过期。请刷新后重试。');
        return;
      }
      editor
        .chain()
        .focus()
        .setImage({ src: image.src, alt: image.alt, ...(image.width ? { width: image.width } : {}), ...(image.height ? { height: image.height } : {}) })
        .run();
      onClose();
    });
  }

  return (
    <div className="space-y-2 border-t border-line p-2" aria-busy={pending}>
      <UploadImage disabled={pending} onUploaded={insert} />
      <p className="text-sm text-muted">或从媒体库选择一张图片插入正文（图片的替代文字一并插入）。</p>
      {message && <p className="text-sm text-brand">{message}</p>}
      {!result ? (
        <p className="text-sm text-muted">正在载入媒体库…</p>
      ) : !result.ok ? (
        <p className="text-sm text-brand">{result.message}</p>
      ) : result.items.length === 0 ? (
        <p className="text-sm text-muted">媒体库里还没有图片。</p>
      ) : (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-6">
          {result.items.map((asset) => (
            <li key={asset.storageKey}>
              <button type="button" disabled={pending} onClick={() => insert(asset.storageKey)} className="block w-full rounded border-2 border-transparent bg-white p-1 text-left hover:border-brand">
                {/* eslint-disable-next-line @next/next/no-img-element -- already WebP sizes made by sharp */}
                <img src={asset.thumbUrl} alt="" loading="lazy" className="h-20 w-full object-contain" />
                <span className="mt-1 line-clamp-2 block text-xs">{asset.alt}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {result?.ok && result.pages > 1 && (
          <>
            <button type="button" className={small} disabled={pending || result.page <= 1} onClick={() => load(result.page - 1)}>
              上一页
            </button>
            <span>
              第{result.page}/{result.pages}页
            </span>
            <button type="button" className={small} disabled={pending || result.page >= result.pages} onClick={() => load(result.page + 1)}>
              下一页
            </button>
          </>
        )}
        <button type="button" className={small} onClick={onClose}>
          关闭
        </button>
      </div>
    </div>
  );
}

const ALT_HINT = '2-120个字，写清图片里是什么，读屏软件会朗读它。';
// guardedAction is typed with the base ActionState; the upload also answers with the storage key.
const uploadToLibrary = uploadMedia as (state: MediaUploadState, data: FormData) => Promise<MediaUploadState>;

/**
 * 上传新图片 inside the panel: the file and its alt text go to the media library's own upload action (the
 * same checks, re-encoding and audit entry as the 媒体库 page); the new image is then inserted. No nested
 * <form> (the panel sits inside the article's form): the fields have no names and are sent by hand.
 */
function UploadImage({ disabled, onUploaded }: { disabled: boolean; onUploaded: (storageKey: string) => void }) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState('');
  const [alt, setAlt] = useState('');
  const [state, setState] = useState<MediaUploadState>({});
  const [uploading, startUpload] = useTransition();

  function upload() {
    const file = fileRef.current?.files?.[0];
    const local: Record<string, string> = {};
    if (!file) local.file = '请选择要上传的图片';
    if (Array.from(alt.trim()).length < 2) local.alt = '请填写替代文字（2-120个字），说明图片里是什么，供读屏软件朗读';
    if (Object.keys(local).length > 0) {
      setState({ fieldErrors: local });
      return;
    }
    const data = new FormData();
    data.set('file', file!);
    data.set('alt', alt.trim());
    startUpload(async () => {
      const answer = await uploadToLibrary({}, data);
      setState(answer);
      if (answer.ok && answer.storageKey) {
        setAlt('');
        setFileName('');
        if (fileRef.current) fileRef.current.value = '';
        onUploaded(answer.storageKey);
      }
    });
  }

  const fileError = state.fieldErrors?.file;
  const altError = state.fieldErrors?.alt;
  return (
    <fieldset className="space-y-2 rounded border border-line bg-white p-2" aria-busy={uploading}>
      <legend className="px-1 text-sm font-medium">上传新图片</legend>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ''}`}
          onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? '')}
          className="peer sr-only"
        />
        <label
          htmlFor={`${id}-file`}
          className="inline-flex cursor-pointer items-center rounded border border-brand bg-white px-3 py-1.5 text-sm font-medium text-brand hover:bg-brand-soft peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus"
        >
          选择图片文件
        </label>
        <span className="min-w-0 text-sm break-all text-muted" aria-live="polite">
          {fileName || '未选择文件'}
        </span>
      </div>
      <p id={`${id}-file-hint`} className="text-xs text-muted">
        JPEG、PNG、WebP 或 GIF，不超过10MB。上传后存入媒体库并插入正文。
      </p>
      {fileError && (
        <p id={`${id}-file-error`} className="text-sm text-brand">
          {fileError}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-alt`} className="block text-sm">
          替代文字<span className="text-brand"> *</span>
        </label>
        <input
          id={`${id}-alt`}
          type="text"
          value={alt}
          maxLength={120}
          onChange={(e) => setAlt(e.target.value)}
          onKeyDown={(e) => {
            // Enter would submit the article form.
            if (e.key === 'Enter') {
              e.preventDefault();
              upload();
            }
          }}
          aria-invalid={altError ? true : undefined}
          aria-describedby={`${id}-alt-hint${altError ? ` ${id}-alt-error` : ''}`}
          className="mt-1 block w-full rounded border border-line px-2 py-1.5 text-sm aria-[invalid=true]:border-brand"
        />
        <p id={`${id}-alt-hint`} className="mt-1 text-xs text-muted">
          {ALT_HINT}
        </p>
        {altError && (
          <p id={`${id}-alt-error`} className="mt-1 text-sm text-brand">
            {altError}
          </p>
        )}
      </div>
      <button type="button" className={small} disabled={disabled || uploading} onClick={upload}>
        {uploading ? '上传中…' : '上传并插入'}
      </button>
      {state.message && !state.fieldErrors && (
        <p role="alert" className="text-sm text-brand">
          {state.message}
        </p>
      )}
    </fieldset>
  );
}
