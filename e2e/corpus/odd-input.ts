// The odd-input corpus: text that breaks careless code (sizes, encodings, control characters, scripts,
// SQL and LIKE fragments, impossible dates, look-alike codes, strange page numbers). The security suite
// sends every value through every public query parameter and every public form and expects a clear
// Chinese message or a correct result: never a 5xx, a stack trace or SQL text.

export type OddValue = { id: string; value: string };

/** Strings for form fields and (percent-encoded) query parameters. */
export const ODD_STRINGS: readonly OddValue[] = [
  { id: 'empty', value: '' },
  { id: 'spaces', value: '   \t  ' },
  { id: 'ideographic-space', value: '\u3000\u3000' },
  { id: 'long-10k', value: '文'.repeat(10_000) },
  { id: 'long-10k-ascii', value: 'a'.repeat(10_000) },
  { id: 'nul', value: 'a\u0000b\u0000' },
  { id: 'control-chars', value: '\u0001\u0007\u001b[31m\u007f' },
  { id: 'crlf-header', value: 'x\r\nSet-Cookie: evil=1\r\nLocation: https://example.org' },
  { id: 'lone-high-surrogate', value: 'a\ud800b' },
  { id: 'lone-low-surrogate', value: '\udc00' },
  { id: 'replacement-char', value: '\ufffd\ufffe\uffff' },
  { id: 'emoji', value: '👍🏽好人好事😀' },
  { id: 'emoji-zwj', value: '👨‍👩‍👧‍👦🏳️‍🌈👩🏽‍🚒' },
  { id: 'flags', value: '🇨🇳🇭🇰🇹🇼' },
  { id: 'combining', value: 'Z̸̡̛͓̈́a̷̧͉͝l̶̰̈g̵̙̓o̴̟͋' },
  { id: 'rtl', value: 'مرحبا بالعالم שלום' },
  { id: 'bidi-override', value: '\u202e文明城市\u202c\u2066x\u2069' },
  { id: 'zero-width', value: '张\u200b三\u200d\ufeff' },
  { id: 'mixed-scripts', value: '张三Zhang Ωμέγα Привет 한국어 日本語 繁體字' },
  { id: 'traditional', value: '誠信紅黑榜 見義勇為' },
  { id: 'full-width-digits', value: '２０２６－０３－１５' },
  { id: 'full-width-latin', value: 'ＡＢＣ１２３' },
  { id: 'sql-or', value: "' OR 1=1 --" },
  { id: 'sql-drop', value: "'; DROP TABLE news_articles; --" },
  { id: 'sql-union', value: "1 UNION SELECT username, password_hash FROM users --" },
  { id: 'sql-quote-dq', value: '" OR ""="' },
  { id: 'like-percent', value: '%' },
  { id: 'like-underscore', value: '_' },
  { id: 'like-mixed', value: '%_%\\' },
  { id: 'backslash', value: '\\' },
  { id: 'backslash-quote', value: "\\'" },
  { id: 'pg-cast', value: "1'::int; select pg_sleep(5); --" },
  { id: 'regex', value: '.*(?:[' },
  { id: 'template', value: '${7*7}{{7*7}}<%= 7*7 %>' },
  { id: 'path-traversal', value: '../../../etc/passwd' },
  { id: 'html', value: '<b>粗</b>&amp;&lt;' },
  { id: 'json', value: '{"__proto__":{"x":1},"constructor":{}}' },
  { id: 'number-huge', value: '99999999999999999999999' },
  { id: 'number-negative', value: '-1' },
  { id: 'number-float', value: '1.5e308' },
  { id: 'date-feb-30', value: '2026-02-30' },
  { id: 'date-year-99999', value: '99999-01-01' },
  { id: 'date-zero', value: '0000-00-00' },
  { id: 'date-month-13', value: '2026-13-01' },
  { id: 'credit-code-valid', value: '91350100M000100Y43' },
  { id: 'credit-code-bad-check', value: '91350100M000100Y44' },
  { id: 'credit-code-lowercase', value: '91350100m000100y43' },
  { id: 'credit-code-forbidden-letters', value: '91350100MIOSVZ00Y4' },
  { id: 'credit-code-17', value: '91350100M000100Y4' },
  { id: 'credit-code-full-width', value: '９１３５０１００Ｍ０００１００Ｙ４３' },
  { id: 'id-number-valid', value: '11010519491231002X' },
  { id: 'id-number-bad-check', value: '110105194912310021' },
  { id: 'id-number-future', value: '110105209912310017' },
  { id: 'id-number-15', value: '110105491231002' },
  { id: 'id-number-lower-x', value: '11010519491231002x' },
  { id: 'phone-like', value: '13800138000' },
  { id: 'tracking-like', value: 'TJ20261123-7KQ4M9' },
  { id: 'tracking-odd', value: 'ＹＳ２０２６１１２２－ＡＢＣ' },
];

/** The sharpest values, for parameters where the whole corpus would only repeat the same code path. */
export const ODD_SAMPLE: readonly OddValue[] = ODD_STRINGS.filter((o) =>
  ['long-10k', 'nul', 'crlf-header', 'lone-high-surrogate', 'emoji-zwj', 'sql-or', 'like-mixed', 'backslash-quote', 'number-huge', 'date-feb-30'].includes(o.id),
);

/** A million characters: sent in form bodies (a URL this long is refused by the HTTP layer, as it should be). */
export const HUGE_STRING: OddValue = { id: 'long-1m', value: 'x'.repeat(1_000_000) };

/** Page numbers and ids as they appear in query strings and path segments (sent as typed). */
export const ODD_NUMBERS: readonly string[] = ['0', '-1', '1.5', '1e309', '99999999999999999999', 'NaN', '0x10', '２', "1'", '2147483648'];

/** Raw percent-encodings that are not valid UTF-8 (or not valid percent-encoding at all). */
export const RAW_ENCODINGS: readonly string[] = ['%C0%AE', '%FF', '%ED%A0%80', '%E4%B8', '%', '%zz', '%00', '%F0%9F%98'];

/** Path segments for dynamic routes ([id], [slug], [month], [channel], [tag]). */
export const ODD_SEGMENTS: readonly string[] = [
  '-1',
  '1.5',
  '99999999999999999999',
  '%C0%AE',
  '%FF',
  '%00',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('%_\\'),
  encodeURIComponent('👨‍👩‍👧‍👦'),
  encodeURIComponent('文'.repeat(2000)),
  '2026-13',
  '99999-01',
  '..%2f..%2fetc%2fpasswd',
];

/** Percent-encodes a string the way a browser's form would (`encodeURIComponent`, lone surrogates as U+FFFD). */
export function queryValue(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}
