import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from './sanitize';

describe('sanitizeRichText', () => {
  it('keeps the allowed structure', () => {
    const html = '<h2>标题</h2><p>正文<strong>加粗</strong></p><table><tbody><tr><td colspan="2">单元格</td></tr></tbody></table>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const out = sanitizeRichText('<p onclick="x()">a</p><script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">b</a>');
    expect(out).not.toMatch(/script|onerror|onclick|javascript:/i);
    expect(out).toContain('<p>a</p>');
  });

  it('drops inline styles and iframes', () => {
    expect(sanitizeRichText('<p style="color:red">a</p><iframe src="https://x"></iframe>')).toBe('<p>a</p>');
  });

  it('marks links noopener', () => {
    expect(sanitizeRichText('<a href="https://example.org">x</a>')).toBe('<a href="https://example.org" rel="noopener noreferrer">x</a>');
  });
});

describe('images without alt text', () => {
  it('get an empty alt (decorative) and keep a given one', () => {
    expect(sanitizeRichText('<img src="https://example.org/a.webp">')).toBe('<img src="https://example.org/a.webp" alt="" />');
    expect(sanitizeRichText('<img src="https://example.org/a.webp" alt="志愿者">')).toBe('<img src="https://example.org/a.webp" alt="志愿者" />');
  });
});
