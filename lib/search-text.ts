// Site search text rules, without I/O: what a typed query means (words, a credit code, or a reason
// to ask again), the bigrams that mirror the database's cjk_bigrams(), and highlighted snippets.
import { toSimplified } from './chinese-script';
import { parseCreditLookup } from './credit-lookup';

export const MAX_QUERY = 50;
export const MIN_WORD = 2;

export type SearchQuery =
  | { kind: 'empty' }
  /** Ask again: a word is too short. `text` is the normalised query, to echo. */
  | { kind: 'invalid'; text: string; message: string }
  /** A checked 统一社会信用代码: searched in credit entries by exact code. */
  | { kind: 'code'; text: string; code: string }
  /** Looks like a credit code but is not a valid one: the /credit message says what is wrong. */
  | { kind: 'badCode'; text: string; code: string; message: string }
  /** Words that must all occur (AND), each at least two characters; `ignored`: single characters left out. */
  | { kind: 'words'; text: string; words: string[]; ignored: string[]; truncated: boolean };

const charCount = (text: string) => Array.from(text).length;

/**
 * NFKC (full-width letters and spaces to ASCII), control characters dropped, Traditional converted to
 * Simplified (誠信 → 诚信), whitespace collapsed, trimmed, at most MAX_QUERY characters.
 */
export function normalizeQuery(raw: string | null | undefined): { text: string; truncated: boolean } {
  const cleaned = toSimplified((raw ?? '').normalize('NFKC').replace(/\p{Cc}/gu, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_QUERY) return { text: cleaned, truncated: false };
  return { text: chars.slice(0, MAX_QUERY).join('').trim(), truncated: true };
}

/**
 * Words separated by spaces or punctuation (，。、“” and their ASCII forms after NFKC: stored text keeps
 * its full-width punctuation, so punctuation cannot be matched and separates words instead), each kept
 * once (case-insensitively), in the order typed.
 */
export function splitWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of text.split(/[\s\p{P}]+/u)) {
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

export function parseSearchQuery(raw: string | null | undefined): SearchQuery {
  const { text, truncated } = normalizeQuery(raw);
  if (!text) return { kind: 'empty' };
  const lookup = parseCreditLookup(text);
  if (lookup.kind === 'code') return { kind: 'code', text, code: lookup.code };
  if (lookup.kind === 'badCode') return { kind: 'badCode', text, code: lookup.code, message: lookup.message };
  const all = splitWords(text);
  if (all.length === 0) return { kind: 'invalid', text, message: '标点符号不参与搜索，请输入要查找的文字，例如“诚信”“文明”。' };
  // Single characters match nearly everything and no index serves them: they are left out, and a query
  // of single characters only is asked again.
  const words = all.filter((w) => charCount(w) >= MIN_WORD);
  const ignored = all.filter((w) => charCount(w) < MIN_WORD);
  if (words.length === 0) {
    return {
      kind: 'invalid',
      text,
      message: all.length === 1 ? `请至少输入${MIN_WORD}个字，例如“诚信”“文明”或企业名称中的一部分。` : `每个词至少要有${MIN_WORD}个字。请去掉字与字之间的空格或标点，或换成更完整的词。`,
    };
  }
  return { kind: 'words', text, words, ignored, truncated };
}

/**
 * The bigrams cjk_bigrams() (migration 0005) stores for a text: every overlapping pair of characters,
 * lower-cased, without pairs that contain whitespace, deduplicated. Used by tests to check that the
 * database function and the query side agree.
 */
export function bigrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase().replace(/\s+/g, ' '));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] !== ' ' && chars[i + 1] !== ' ') pairs.add(chars[i]! + chars[i + 1]!);
  }
  return [...pairs].sort();
}

export type Segment = { text: string; mark: boolean };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsPattern(words: string[]): RegExp | null {
  const usable = words.filter(Boolean).sort((a, b) => b.length - a.length);
  return usable.length > 0 ? new RegExp(usable.map(escapeRegExp).join('|'), 'giu') : null;
}

/** The text cut into plain and marked runs, marking every (case-insensitive) occurrence of a word. */
export function highlight(text: string, words: string[]): Segment[] {
  const pattern = wordsPattern(words);
  if (!pattern || !text) return text ? [{ text, mark: false }] : [];
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), mark: false });
    segments.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false });
  return segments;
}

/** Whether any of the words occurs in the text (case-insensitive). */
export function containsAny(text: string, words: string[]): boolean {
  const pattern = wordsPattern(words);
  return pattern ? pattern.test(text) : false;
}

/**
 * A window of the text around the first occurrence of any word (or its opening when none occurs),
 * about `length` characters with `before` of them ahead of the match, with … where it was cut.
 */
export function snippet(text: string, words: string[], options: { length?: number; before?: number } = {}): Segment[] {
  const length = options.length ?? 90;
  const before = options.before ?? 20;
  const chars = Array.from(text);
  const pattern = wordsPattern(words);
  const match = pattern ? pattern.exec(text) : null;
  // Convert the UTF-16 index of the match to a character index.
  const at = match ? Array.from(text.slice(0, match.index)).length : 0;
  let start = Math.max(0, at - before);
  const end = Math.min(chars.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const window = chars.slice(start, end).join('');
  const segments = highlight(window, words);
  if (start > 0) segments.unshift({ text: '…', mark: false });
  if (end < chars.length) segments.push({ text: '…', mark: false });
  return segments;
}

const CJK_GAP = /(?<=[\u3400-\u9fff\u3000-\u303f\uff01-\uff60])\s+(?=[\u3400-\u9fff\u3000-\u303f\uff01-\uff60])/g;

/**
 * The text a result's snippet is cut from: a lead (an article's summary, a person's deed) and the body after
 * it. Stored text puts a space wherever markup was (`以<b>文明</b>实践` reads `以 文明 实践`): spaces between
 * Chinese characters and punctuation are dropped. A body that opens with the lead itself (summaries are often
 * the first sentences) is used alone, so the snippet does not say the same sentence twice.
 */
export function snippetSource(lead: string, body: string): string {
  const head = lead.replace(CJK_GAP, '').trim();
  const rest = body.replace(CJK_GAP, '').trim();
  const opening = head.replace(/(?:……|…|\.{3})$/, '');
  if (!opening || rest.startsWith(opening)) return rest || head;
  return rest ? `${head} ${rest}` : head;
}

/** Text that looks like an attempt at a 统一社会信用代码 (8+ letters and digits, mostly digits), for the hint. */
export function looksLikeCode(text: string): boolean {
  const compact = text.replace(/[\s-]/g, '');
  return /^[0-9A-Za-z]{8,}$/.test(compact) && (compact.match(/\d/g)?.length ?? 0) >= 4;
}

/** A query that runs: words, or a checked credit code. */
export type RunnableSearch = Extract<SearchQuery, { kind: 'words' } | { kind: 'code' }>;

/**
 * The part of a runnable query that decides its results, the same for every way of typing it: words
 * lower-cased (matching ignores case) and sorted (all must occur, in any order), nothing of what was
 * typed besides. The short result cache (server/public-lookups.ts) keys by it.
 */
export function canonicalSearch(query: RunnableSearch): RunnableSearch {
  if (query.kind === 'code') return { kind: 'code', text: query.code, code: query.code };
  const words = [...new Set(query.words.map((w) => w.toLowerCase()))].sort();
  return { kind: 'words', text: words.join(' '), words, ignored: [], truncated: false };
}
