// The article form of the editors' area: field rules with Chinese messages (every text field screened for
// personal numbers, the body as HTML), tags, slugs, the automatic summary, the plain text of rich HTML and
// the clean-up of text pasted from Word/WPS. No I/O, and no sanitizer here (this file is also used in the
// browser): the server sanitizes in db/queries/news-admin.ts.
import { z } from 'zod';
import { noPersonalNumbers } from './citizen-input';

// This module runs in the editor's browser too, under a CSP without 'unsafe-eval': zod must not probe
// for eval (its JIT), which the browser would report as a CSP violation.
z.config({ jitless: true });

export const TITLE_MIN = 5;
export const TITLE_MAX = 60;
export const SUMMARY_MAX = 200;
export const SHORT_MAX = 40;
export const TAGS_MAX = 8;
export const TAG_MAX_CHARS = 12;
// Generous for a long notice with tables; stops a runaway paste from filling the database.
export const BODY_MAX = 200_000;

const chars = (value: string) => Array.from(value).length;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*|#39);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return entities[code.toLowerCase()] ?? whole;
  });
}

function attr(tag: string, name: string): string {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return decodeEntities(match ? (match[2] ?? match[3] ?? match[4] ?? '') : '');
}

/**
 * The readable text of rich HTML, one line per paragraph, heading, list item or table row (cells joined
 * by " | "); images become "[图片：alt]" unless `images: false`. Used for diffs and automatic summaries.
 */
export function htmlToText(html: string, options: { images?: boolean } = {}): string {
  const images = options.images ?? true;
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<img\b[^>]*>/gi, (tag) => (images ? `[图片：${attr(tag, 'alt') || '无说明'}]` : ''))
      .replace(/<\/(td|th)\s*>/gi, ' | ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|h[1-6]|li|tr|blockquote|div|table|figure|figcaption|ul|ol)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\|\s*$/, '').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** About `max` characters from the start of the body, cut after a sentence where one ends late enough. */
export function autoSummary(bodyHtml: string, max = 120): string {
  const text = htmlToText(bodyHtml, { images: false }).replace(/\n+/g, ' ').trim();
  const all = Array.from(text);
  if (all.length <= max) return text;
  const head = all.slice(0, max).join('');
  const end = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
  return end >= max / 2 ? head.slice(0, end + 1) : `${head}…`;
}

/** "志愿服务，文明实践、 社区" -> ['志愿服务', '文明实践', '社区']: trimmed, empty ones and repeats dropped. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，、;；\s]+/)) {
    const tag = raw.trim();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function formatTags(tags: readonly string[]): string {
  return tags.join('、');
}

export const SLUG_MESSAGE = '网址别名只能用小写英文字母、数字和连字符（-），3-80个字符，不能以连字符开头或结尾';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过${max}个字`)
    .superRefine(noPersonalNumbers())
    .optional()
    .transform((v) => v ?? '');

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/** The fields of the article form, as submitted (FormData strings). */
export const articleFields = z.object({
  title: z
    .string({ error: '请填写标题' })
    .trim()
    .refine((v) => chars(v) >= TITLE_MIN, `标题至少${TITLE_MIN}个字`)
    .refine((v) => chars(v) <= TITLE_MAX, `标题不超过${TITLE_MAX}个字`)
    .superRefine(noPersonalNumbers()),
  subtitle: optionalText('副标题', TITLE_MAX),
  channelId: z.coerce.number({ error: '请选择栏目' }).int('请选择栏目').positive('请选择栏目'),
  summary: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => chars(v) <= SUMMARY_MAX, `摘要不超过${SUMMARY_MAX}个字`)
    .superRefine(noPersonalNumbers()),
  body: z
    .string()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v.length <= BODY_MAX, '正文过长，请分成几篇发布')
    .superRefine((v, ctx) => {
      if (v.length <= BODY_MAX) noPersonalNumbers('html')(v, ctx);
    }),
  coverImage: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || /^[0-9a-f]{32}$/.test(v), '封面图无效，请从媒体库重新选择'),
  source: optionalText('来源', SHORT_MAX),
  author: optionalText('作者', SHORT_MAX),
  editorName: optionalText('编审', SHORT_MAX),
  tags: z
    .string()
    .optional()
    .transform((v) => parseTags(v ?? ''))
    .superRefine((tags, ctx) => {
      if (tags.length > TAGS_MAX) ctx.addIssue({ code: 'custom', message: `标签最多${TAGS_MAX}个（现有${tags.length}个）` });
      const long = tags.find((t) => chars(t) > TAG_MAX_CHARS);
      if (long) ctx.addIssue({ code: 'custom', message: `每个标签不超过${TAG_MAX_CHARS}个字：“${long}”太长` });
      noPersonalNumbers()(formatTags(tags), ctx);
    }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || (v.length >= 3 && v.length <= 80 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)), SLUG_MESSAGE)
    .refine((v) => !/^\d+$/.test(v), '网址别名不能全是数字（纯数字网址用于文章编号）')
    .superRefine(noPersonalNumbers()),
  pinned: checkbox,
});

export type ArticleFields = z.infer<typeof articleFields>;

/** A news channel (栏目): its name and address appear on public pages and feeds. */
export const channelFields = z.object({
  name: z.string({ error: '请填写栏目名称' }).trim().min(2, '栏目名称2-12个字').max(12, '栏目名称2-12个字').superRefine(noPersonalNumbers()),
  slug: z
    .string({ error: '请填写栏目网址' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, '栏目网址用小写英文字母开头，只含字母、数字和连字符，2-40个字符（如 volunteer）'),
});

/** The stored shape of the form (body still unsanitized: the query layer sanitizes before storing). */
export function toSnapshot(input: ArticleFields, coverAlt: string | null): ArticleSnapshot {
  return {
    title: input.title,
    subtitle: input.subtitle || null,
    summary: input.summary || autoSummary(input.body),
    body: input.body,
    coverImage: input.coverImage || null,
    coverAlt: input.coverImage ? coverAlt : null,
    source: input.source,
    author: input.author,
    editorName: input.editorName,
    tags: input.tags,
    channelId: input.channelId,
    slug: input.slug || null,
    pinned: input.pinned,
  };
}

/** The form's text values of a snapshot (for the editor's fields and for restoring autosaves). */
export function snapshotToForm(s: ArticleSnapshot): ArticleFormValues {
  return {
    title: s.title,
    subtitle: s.subtitle ?? '',
    channelId: String(s.channelId),
    summary: s.summary,
    body: s.body,
    coverImage: s.coverImage ?? '',
    source: s.source,
    author: s.author,
    editorName: s.editorName,
    tags: formatTags(s.tags),
    slug: s.slug ?? '',
    pinned: s.pinned ? 'on' : '',
  };
}

export const FORM_KEYS = ['title', 'subtitle', 'channelId', 'summary', 'body', 'coverImage', 'source', 'author', 'editorName', 'tags', 'slug', 'pinned'] as const;
export type ArticleFormValues = Record<(typeof FORM_KEYS)[number], string>;

/** The form after a save with 自动打码: the text the server stored (its echo) over the text that was sent. */
export function maskedFormValues(sent: ArticleFormValues, echoed: Record<string, string>): ArticleFormValues {
  const values = { ...sent };
  for (const key of FORM_KEYS) if (typeof echoed[key] === 'string') values[key] = echoed[key];
  return values;
}

/**
 * Work in progress, kept as typed (autosave): never refused for a short title or too many tags, only
 * bounded in size. Unknown channel ids fall back to the article's own.
 */
export const draftFields = z.object({
  title: z.string().max(1000).optional().default(''),
  subtitle: z.string().max(1000).optional().default(''),
  channelId: z.string().max(12).optional().default(''),
  summary: z.string().max(5000).optional().default(''),
  body: z.string().max(BODY_MAX).optional().default(''),
  coverImage: z.string().max(64).optional().default(''),
  source: z.string().max(1000).optional().default(''),
  author: z.string().max(1000).optional().default(''),
  editorName: z.string().max(1000).optional().default(''),
  tags: z.string().max(2000).optional().default(''),
  slug: z.string().max(200).optional().default(''),
  pinned: z.string().max(8).optional().default(''),
});

export function draftToSnapshot(input: z.infer<typeof draftFields>, fallbackChannelId: number): ArticleSnapshot {
  const channelId = Number(input.channelId);
  return {
    title: input.title,
    subtitle: input.subtitle || null,
    summary: input.summary,
    body: input.body,
    coverImage: /^[0-9a-f]{32}$/.test(input.coverImage) ? input.coverImage : null,
    coverAlt: null,
    source: input.source,
    author: input.author,
    editorName: input.editorName,
    tags: parseTags(input.tags),
    channelId: Number.isInteger(channelId) && channelId > 0 ? channelId : fallbackChannelId,
    slug: input.slug || null,
    pinned: input.pinned === 'on',
  };
}

/**
 * Word and WPS put their own markup on the clipboard: conditional comments, <o:p>, <w:…> tags, Mso
 * classes and mso- styles. Drop them before the editor parses the HTML (its schema drops the rest, and
 * the server's allow-list sanitizer is the real safety net).
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|xml|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(meta|link)\b[^>]*>/gi, '')
    .replace(/<\/?[a-z]+:[a-z]+\b[^>]*>/gi, '')
    .replace(/\s(class|lang)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, (whole, name: string, value: string) =>
      name.toLowerCase() === 'lang' || /mso/i.test(value) ? '' : whole,
    )
    .replace(/\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi, (_whole, _quoted, dq: string | undefined, sq: string | undefined) => {
      const kept = (dq ?? sq ?? '')
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d && !/^mso-/i.test(d));
      return kept.length ? ` style="${kept.join('; ')}"` : '';
    })
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

/** The editable fields of an article, as kept in revisions and autosaves. */
export type ArticleSnapshot = {
  title: string;
  subtitle: string | null;
  summary: string;
  body: string;
  coverImage: string | null;
  coverAlt: string | null;
  source: string;
  author: string;
  editorName: string;
  tags: string[];
  channelId: number;
  slug: string | null;
  pinned: boolean;
};
