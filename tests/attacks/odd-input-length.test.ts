// visibleLength on the odd-input corpus: the same count as one pass of Intl.Segmenter, and usable on
// very long text (a million characters once exhausted the server's heap through a comment form).
import { describe, expect, it } from 'vitest';
import { HUGE_STRING, ODD_STRINGS } from '@/e2e/corpus/odd-input';
import { visibleLength } from '@/lib/visible-length';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const reference = (text: string) => Array.from(segmenter.segment(text)).length;

describe('visibleLength', () => {
  it('counts like the segmenter on every odd value, also repeated past the piece size', { timeout: 30_000 }, () => {
    for (const { id, value } of ODD_STRINGS.filter((o) => o.value.length < 5000)) {
      const long = `${value}文`.repeat(Math.ceil(3000 / (value.length + 1)));
      expect(visibleLength(value), id).toBe(reference(value));
      expect(visibleLength(long), `${id} repeated`).toBe(reference(long));
    }
    const family = '👨‍👩‍👧‍👦';
    expect(visibleLength(family.repeat(700) + 'a'.repeat(1500))).toBe(2200);
  });

  // One pass of the segmenter over these took minutes or exhausted the heap; in pieces it is about a second.
  it('measures a million characters', { timeout: 30_000 }, () => {
    expect(visibleLength(HUGE_STRING.value)).toBe(1_000_000);
    expect(visibleLength('文'.repeat(200_000))).toBe(200_000);
  });
});
