// Every payload of the XSS corpus through the rich-text sanitizer: nothing that can run survives.
import { describe, expect, it } from 'vitest';
import { XSS_MARK_ID, XSS_PAYLOADS } from '@/e2e/corpus/xss';
import { sanitizeRichText } from '@/lib/sanitize';

const DANGEROUS_TAGS = /<\s*\/?\s*(script|iframe|frame|object|embed|svg|math|style|form|base|meta|link|noscript|noembed|details|input|button|textarea|video|audio|source|marquee|body|html|title|animate|set|foreignobject|template|xmp|plaintext)\b/i;
const EVENT_ATTR = /<[^>]*[\s/"']on[a-z]+\s*=/i;

/** The tags with their quoted attribute values emptied (a value may mention onerror= harmlessly). */
function withoutAttributeValues(html: string): string {
  return html.replace(/<[^>]*>/g, (tag) => tag.replace(/"[^"]*"|'[^']*'/g, '""'));
}

/** The href/src values of the output, entities decoded the way a browser would read them. */
function urlsOf(html: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src|action|data|srcdoc|formaction)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const raw = match[2] ?? match[3] ?? match[4] ?? '';
    urls.push(raw.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&'));
  }
  return urls;
}

describe('rich-text sanitizer against the XSS corpus', () => {
  it('has a corpus of at least 50 distinct payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS.map((p) => p.id)).size).toBe(XSS_PAYLOADS.length);
  });

  it.each(XSS_PAYLOADS.map((p) => [p.id, p.payload] as const))('%s: no executable markup survives', (_id, payload) => {
    // Alone, and inside an ordinary article body (context matters to HTML parsers).
    for (const input of [payload, `<p>文明城市</p>${payload}<p>结尾</p>`, `<p>${payload}</p>`, `<table><tr><td>${payload}</td></tr></table>`]) {
      const once = sanitizeRichText(input);
      // The body is sanitized on save and again on render: the second pass must be as clean as the first.
      for (const out of [once, sanitizeRichText(once)]) {
        const tags = withoutAttributeValues(out);
        expect(out, out).not.toMatch(DANGEROUS_TAGS);
        expect(tags, out).not.toMatch(EVENT_ATTR);
        expect(tags, out).not.toMatch(/\s(style|id|class|srcdoc|formaction)\s*=/i);
        expect(out, out).not.toContain(`id="${XSS_MARK_ID}"`);
        for (const url of urlsOf(out)) expect(url.replace(/[\s\u0000-\u001f]/g, ''), out).toMatch(/^(https?:|mailto:|#|\/(?!\/)|[^:]*$)/i);
      }
    }
  });

  it('keeps the text of a payload that is only text, escaped', () => {
    expect(sanitizeRichText('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(sanitizeRichText('<p>" onmouseover="x"</p>')).toBe('<p>" onmouseover="x"</p>');
  });
});
