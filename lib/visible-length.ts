// Characters as a reader counts them; a module of its own so client components can use it without zod.

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

// Intl.Segmenter's time grows with the square of the text's length (a 50,000-character field took
// seconds, a million characters exhausted the server's heap), so long text is measured in short pieces,
// each ending at a grapheme boundary found by segmenting a small window around the cut.
const PIECE = 256;
const WINDOW = 32;

function boundaryNear(text: string, at: number): number {
  const from = Math.max(0, at - WINDOW);
  for (const { index } of graphemes.segment(text.slice(from, at + WINDOW))) {
    if (from + index >= at) return from + index;
  }
  return Math.min(text.length, at + WINDOW);
}

/** One emoji or one 汉字 is one, whatever its UTF-16 length. */
export function visibleLength(text: string): number {
  let n = 0;
  for (let start = 0; start < text.length; ) {
    const end = text.length - start <= PIECE ? text.length : boundaryNear(text, start + PIECE);
    n += Array.from(graphemes.segment(text.slice(start, end))).length;
    start = end;
  }
  return n;
}
