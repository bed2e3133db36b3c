// Characters as a reader counts them; a module of its own so client components can use it without zod.

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/** One emoji or one 汉字 is one, whatever its UTF-16 length. */
export function visibleLength(text: string): number {
  return Array.from(graphemes.segment(text)).length;
}
