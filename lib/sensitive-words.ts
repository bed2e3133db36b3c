// Sensitive-word screen for citizens' submissions: finds words from the editable list (settings) so
// that the moderator sees the submission flagged with the matches highlighted. It never rejects by itself.

/** How text and words are compared: NFKC (full-width to half-width), lower case, no spaces or separators. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Characters people put between the letters of a word to slip past a filter ("诈 骗", "诈*骗").
const SEPARATORS = /[\s\u3000*·.,，。、_\-—|/\\]+/g;

/** Parses the settings textarea: one word per line or separated by commas; blanks and duplicates dropped. */
export function parseWordList(text: string): string[] {
  const words = text
    .split(/[\n,，、]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  return [...new Set(words)];
}

/** The listed words that occur in the text (each once, in list order). */
export function findSensitiveWords(text: string, words: readonly string[]): string[] {
  const folded = fold(text);
  const squeezed = folded.replace(SEPARATORS, '');
  const found: string[] = [];
  for (const word of words) {
    const w = fold(word).replace(SEPARATORS, '');
    if (w.length > 0 && (folded.includes(w) || squeezed.includes(w)) && !found.includes(word)) found.push(word);
  }
  return found;
}

export type Segment = { text: string; hit: boolean };

/**
 * Splits text into plain and matched parts for display with <mark>. Matches are exact (after NFKC and
 * case folding); a word only found with separators squeezed out is still listed by findSensitiveWords.
 */
export function highlightSensitive(text: string, words: readonly string[]): Segment[] {
  const folded = fold(text);
  // NFKC can change lengths (e.g. ligatures); fall back to no highlighting rather than misplace marks.
  if (folded.length !== text.length || words.length === 0) return [{ text, hit: false }];
  const hits = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    const w = fold(word);
    if (!w) continue;
    for (let at = folded.indexOf(w); at !== -1; at = folded.indexOf(w, at + 1)) hits.fill(true, at, at + w.length);
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const last = segments[segments.length - 1];
    if (last && last.hit === hits[i]) last.text += text[i];
    else segments.push({ text: text[i]!, hit: hits[i]! });
  }
  return segments;
}

/** A starting list for new sites; the 文明办 edits it in 站点设置. */
export const DEFAULT_SENSITIVE_WORDS = ['诈骗', '赌博', '博彩', '代开发票', '办证', '刷单', '裸聊', '枪支', '毒品', '传销', '加微信', '贷款'];
