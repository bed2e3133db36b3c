// Differences between two versions of an article, field by field, at character level (Chinese has no
// spaces between words, so a word diff would mark whole sentences). Pure: used by the history page and
// by the conflict message of a refused save.
import { diffChars } from 'diff';
import type { ArticleSnapshot } from './article-input';
import { formatTags, htmlToText } from './article-input';

export type DiffPart = { type: 'same' | 'ins' | 'del'; text: string };
export type FieldDiff = { field: string; label: string; parts: DiffPart[] };

/** Character diff of two texts; gives up after `timeoutMs` and shows the whole old text replaced. */
export function diffText(before: string, after: string, timeoutMs = 1500): DiffPart[] {
  if (before === after) return before ? [{ type: 'same', text: before }] : [];
  const changes = diffChars(before, after, { timeout: timeoutMs });
  if (!changes) {
    return [
      ...(before ? [{ type: 'del' as const, text: before }] : []),
      ...(after ? [{ type: 'ins' as const, text: after }] : []),
    ];
  }
  return changes.map((c) => ({ type: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
}

/**
 * Shortens long unchanged stretches to `context` characters on each side of a change, so that a
 * one-word edit in a long article is easy to find.
 */
export function collapseSame(parts: DiffPart[], context = 40): DiffPart[] {
  return parts.map((part, i) => {
    if (part.type !== 'same') return part;
    const text = Array.from(part.text);
    const keepHead = i > 0 ? context : 0;
    const keepTail = i < parts.length - 1 ? context : 0;
    if (text.length <= keepHead + keepTail + 12) return part;
    const head = text.slice(0, keepHead).join('');
    const tail = text.slice(text.length - keepTail).join('');
    const omitted = text.length - keepHead - keepTail;
    return { type: 'same', text: `${head}〔……省略${omitted}字……〕${tail}` };
  });
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((p) => p.type !== 'same');
}

const FIELD_LABELS: [keyof ArticleSnapshot, string][] = [
  ['title', '标题'],
  ['subtitle', '副标题'],
  ['channelId', '栏目'],
  ['summary', '摘要'],
  ['body', '正文'],
  ['coverImage', '封面图'],
  ['source', '来源'],
  ['author', '作者'],
  ['editorName', '编审'],
  ['tags', '标签'],
  ['slug', '网址别名'],
  ['pinned', '置顶'],
];

function fieldText(snapshot: ArticleSnapshot, field: keyof ArticleSnapshot, channelName: (id: number) => string): string {
  switch (field) {
    case 'body':
      return htmlToText(snapshot.body);
    case 'tags':
      return formatTags(snapshot.tags);
    case 'channelId':
      return channelName(snapshot.channelId);
    case 'pinned':
      return snapshot.pinned ? '是' : '否';
    case 'coverImage':
      return snapshot.coverImage ? `${snapshot.coverAlt ?? '图片'}（${snapshot.coverImage.slice(0, 8)}…）` : '';
    default:
      return String(snapshot[field] ?? '');
  }
}

/** The fields that differ between two snapshots, each as a character diff (old -> new). */
export function diffSnapshots(before: ArticleSnapshot, after: ArticleSnapshot, channelName: (id: number) => string = (id) => `栏目${id}`): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const [field, label] of FIELD_LABELS) {
    const parts = diffText(fieldText(before, field, channelName), fieldText(after, field, channelName));
    if (hasChanges(parts)) diffs.push({ field, label, parts: collapseSame(parts) });
  }
  return diffs;
}
