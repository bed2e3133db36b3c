// Personal numbers in free text: full ID numbers (18 and 15 digits), mainland mobile numbers and bank card
// numbers. One detector serves three purposes: forms refuse such text (lib/citizen-input.ts
// noPersonalNumbers, lib/credit-entry.ts), public reads mask whatever got into old data (maskPublicFields
// in db/queries), and the crawl proves none reaches the public (e2e/security-crawl.spec.ts). Candidates
// are checked (check digit, birth date, province code, Luhn, issuer) so that dates, 文号, amounts, credit
// codes, landlines, article ids and timestamps do not count.
import { isValidCreditCode } from './credit-code';
import { idNumberBirthDate, idNumberCheckChar } from './id-number';

export type PiiKind = 'idNumber' | 'oldIdNumber' | 'phone' | 'bankCard';
/** `value` is the text as it stands (separators, full-width digits), `digits` its ASCII digits. */
export type PiiHit = { kind: PiiKind; value: string; digits: string; index: number };

// First two digits of the administrative division code (GB/T 2260): provinces, Hong Kong, Macao, Taiwan.
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

// Not part of a longer run of letters or digits: a hash or a longer number is not a phone or an ID.
// Separators between groups: one space or dash, the same one throughout (`138 1234 5678`, `6222-0212-…`).
const ID_18 = /(?<![0-9A-Za-z])(\d{6}([ \u00a0-]?)\d{8}\2\d{3}[\dXx])(?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])/g;
// +86, 0086 or 86 before the number is part of the match only to let the number follow a digit.
const MOBILE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[ \u00a0-]?)?(1[3-9]\d(?:\d{8}|([ \u00a0-])\d{4}\2\d{4}))(?![0-9A-Za-z])/g;
// 13-19 digits in one run, or in groups of four (the last may be shorter), or 4-6-5 (15-digit cards).
// Not a decimal's digits: a dot before, or a dot and a digit after, rule it out.
const CARD = /(?<![0-9A-Za-z.])(\d{13,19}|\d{4}([ \u00a0-])\d{4}(?:\2\d{4}){1,2}(?:\2\d{1,4})?|\d{4}([ \u00a0-])\d{6}\3\d{5})(?![0-9A-Za-z]|\.\d)/g;

const province = (id: string) => PROVINCES.has(Number(id.slice(0, 2)));
const digitsOf = (text: string) => text.replace(/[^\dXx]/g, '').toUpperCase();

/** An 18-character 公民身份号码 with a real province, birth date and check character. */
export function isFullIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  return /^\d{17}[\dX]$/.test(id) && province(id) && idNumberBirthDate(id) !== null && idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/**
 * A 15-digit first-generation ID number: province, then a real date 19YYMMDD, then a sequence number.
 * Birth year 1900 is not counted: old 15-digit business registration numbers (region code, then a
 * sequence starting 000…) read as such dates, and nobody born in 1900 was issued a card in the 1980s.
 */
export function isOldIdNumber(value: string): boolean {
  return /^\d{15}$/.test(value) && province(value) && value.slice(6, 8) !== '00' && idNumberBirthDate(`${value.slice(0, 6)}19${value.slice(6, 12)}`) !== null;
}

/** The Luhn (mod 10) check that every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Issuer ranges (first digits) with the lengths their cards have: a number of another length is not a card.
const ISSUERS: [RegExp, number, number][] = [
  [/^4/, 13, 13], // Visa
  [/^4/, 16, 16],
  [/^4/, 19, 19],
  [/^5[1-5]/, 16, 16], // Mastercard
  [/^2(22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)/, 16, 16], // Mastercard 2221-2720
  [/^5[06-8]/, 16, 19], // Maestro
  [/^6/, 16, 19], // UnionPay 62, Discover 60/64/65, Maestro 6
  [/^3[47]/, 15, 15], // American Express
  [/^35(2[89]|[3-8]\d)/, 16, 19], // JCB
  [/^3(0[0-5]|[689])/, 14, 16], // Diners Club
  [/^9/, 16, 19], // domestic cards of the 1990s (955…)
];

/**
 * A payment card number: 13-19 digits passing Luhn, of a length its issuer range uses (Visa 13/16/19,
 * Mastercard 16, UnionPay 16-19, Amex 15, …). Numbers starting 0, 1, 7 or 8 (timestamps, serials,
 * amounts), an 18-digit Visa-like number (a mistyped ID) and valid credit codes are not cards.
 */
export function isBankCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits) || !passesLuhn(digits)) return false;
  if (digits.length === 18 && isValidCreditCode(digits)) return false;
  return ISSUERS.some(([prefix, min, max]) => prefix.test(digits) && digits.length >= min && digits.length <= max);
}

// Full-width digits, X, plus, dash and the ideographic space, replaced one for one (indexes stay valid).
const WIDE = /[\uff10-\uff19\uff38\uff58\uff0b\uff0d\u3000]/g;
function narrow(text: string): string {
  return text.replace(WIDE, (c) => {
    if (c === '\u3000') return ' ';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

// Every personal number has 11 digits or more, with at most one separator between two of them (full-width
// digits too): text without such a run is answered at once (an import checks 100,000 rows).
const QUICK = /[\d\uff10-\uff19](?:[ \u00a0\u3000\uff0d-]?[\d\uff10-\uff19]){10}/;

/** Every personal number in the text, in order; a stretch of digits counts once (ID before phone before card). */
export function findPii(text: string): PiiHit[] {
  if (!QUICK.test(text)) return [];
  const plain = narrow(text);
  const hits: PiiHit[] = [];
  // Characters already part of a hit of a kind checked earlier (linear, however many hits a long text has).
  const claimed = new Uint8Array(text.length);
  const add = (kind: PiiKind, index: number, value: string) => {
    if (claimed.subarray(index, index + value.length).includes(1)) return;
    claimed.fill(1, index, index + value.length);
    hits.push({ kind, value: text.slice(index, index + value.length), digits: digitsOf(value), index });
  };
  for (const m of plain.matchAll(ID_18)) if (isFullIdNumber(digitsOf(m[1]!))) add('idNumber', m.index, m[1]!);
  for (const m of plain.matchAll(ID_15)) if (isOldIdNumber(m[1]!)) add('oldIdNumber', m.index, m[1]!);
  for (const m of plain.matchAll(MOBILE)) add('phone', m.index + m[0].length - m[1]!.length, m[1]!);
  for (const m of plain.matchAll(CARD)) if (isBankCardNumber(digitsOf(m[1]!))) add('bankCard', m.index, m[1]!);
  return hits.sort((a, b) => a.index - b.index);
}

/** Each hit with some text around it, for a failure message a person can act on. */
export function describePii(text: string, hits: PiiHit[]): string[] {
  return hits.map((hit) => `${hit.kind} ${hit.value} in “${text.slice(Math.max(0, hit.index - 40), hit.index + hit.value.length + 40).replace(/\s+/g, ' ')}”`);
}

// ------------------------------------------------------------------------------------------- masking

/** How many digits stay visible at each end: ID numbers 6 + 4 (lib/mask.ts), phones 3 + 4, cards the last 4. */
const KEEP: Record<PiiKind, [number, number]> = { idNumber: [6, 4], oldIdNumber: [6, 4], phone: [3, 4], bankCard: [0, 4] };
const DIGIT = /[\dXx\uff10-\uff19\uff38\uff58]/;

/** Offsets (into the hit's value) of the digits that become `*`; separators stay. */
function maskedOffsets(hit: PiiHit): number[] {
  const [head, tail] = KEEP[hit.kind];
  const positions: number[] = [];
  for (let i = 0; i < hit.value.length; i++) if (DIGIT.test(hit.value[i]!)) positions.push(i);
  return positions.slice(head, positions.length - tail);
}

/** The text with every personal number masked: `420102********1311`, `138****5678`, `***************1234`. */
export function maskPiiInText(text: string): string {
  const hits = findPii(text);
  if (hits.length === 0) return text;
  const chars = text.split('');
  for (const hit of hits) for (const offset of maskedOffsets(hit)) chars[hit.index + offset] = '*';
  return chars.join('');
}

// Tags that do not break a line of text: a number split by them still reads as one number.
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 's', 'sub', 'sup', 'span', 'mark', 'small', 'code', 'font', 'abbr', 'cite', 'q']);
const TOKEN = /<!--[\s\S]*?-->|<\/?([A-Za-z][\w:-]*)[^>]*>|&[#A-Za-z0-9]+;/g;
// Stands for a block tag or an entity in the joined text: not a digit, letter or separator.
const BARRIER = '\u0001';

/**
 * The readable text of HTML for the detector: text nodes joined (across inline tags), a barrier where a
 * block tag or an entity stands, and `map[i]`, the index in the HTML of the joined text's character i.
 */
function joinedText(html: string): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  let at = 0;
  const addText = (end: number) => {
    text += html.slice(at, end);
    for (let i = at; i < end; i++) map.push(i);
  };
  for (const m of html.matchAll(TOKEN)) {
    addText(m.index);
    at = m.index + m[0].length;
    if (m[0][0] === '&' || !INLINE.has((m[1] ?? '').toLowerCase())) {
      text += BARRIER;
      map.push(-1);
    }
  }
  addText(html.length);
  return { text, map };
}

// Attribute values that people read: image descriptions and link titles.
const READABLE_ATTRIBUTE = /(\s(?:alt|title)\s*=\s*)("([^"]*)"|'([^']*)')/gi;

/** Text content and readable attributes of HTML, for screening a rich-text field. */
export function findPiiInHtml(html: string): PiiHit[] {
  const { text } = joinedText(html);
  const hits = findPii(text);
  for (const m of html.matchAll(READABLE_ATTRIBUTE)) hits.push(...findPii(m[3] ?? m[4] ?? '').map((h) => ({ ...h, index: text.length })));
  return hits;
}

/** HTML with personal numbers masked in text nodes and alt/title attributes; markup is left as it was. */
export function maskPiiInHtml(html: string): string {
  // A number split by inline tags has no 11-digit run in the markup: only too few digits overall rule one out.
  if ((html.match(/[\d\uff10-\uff19]/g)?.length ?? 0) < 11) return html;
  const { text, map } = joinedText(html);
  const hits = findPii(text);
  const chars = html.split('');
  for (const hit of hits) {
    for (const offset of maskedOffsets(hit)) {
      const at = map[hit.index + offset];
      if (at !== undefined && at >= 0) chars[at] = '*';
    }
  }
  return chars.join('').replace(READABLE_ATTRIBUTE, (_whole, head: string, _quoted, dq: string | undefined, sq: string | undefined) =>
    dq !== undefined ? `${head}"${maskPiiInText(dq)}"` : `${head}'${maskPiiInText(sq ?? '')}'`,
  );
}

// ---------------------------------------------------------------------------------- forms and pages

export type TextFormat = 'text' | 'html';

/** The refusal next to a field, or null: it names where the number starts, counted as people count characters. */
export function personalNumbersMessage(value: string, format: TextFormat = 'text'): string | null {
  const hits = format === 'html' ? findPiiInHtml(value) : findPii(value);
  const first = hits[0];
  if (!first) return null;
  const before = format === 'html' ? joinedText(value).text.slice(0, first.index).replaceAll(BARRIER, '') : value.slice(0, first.index);
  return `请勿填写身份证号、手机号或银行卡号等个人信息（第${Array.from(before).length + 1}个字附近）`;
}

/** A value with its personal numbers masked, for "自动打码后保存". */
export function maskPersonalNumbers(value: string, format: TextFormat = 'text'): string {
  return format === 'html' ? maskPiiInHtml(value) : maskPiiInText(value);
}

// Identifiers, not prose: a slug or a media key is part of a link, which masking would break.
const IDENTIFIER_FIELDS: ReadonlySet<string> = new Set(['slug', 'channelSlug', 'href', 'coverImage', 'photo', 'storageKey']);

/**
 * The last line of defence for public reads: every string (and string array) field of a row masked, the
 * fields named in `html` as HTML, identifiers (slugs, media keys) left alone. Query functions that return
 * rows to citizens pass them through here, so a number typed before the forms screened for it (or that got
 * around them) never reaches a page, feed, search result or export.
 */
export function maskPublicFields<T extends object>(row: T, html: readonly (keyof T)[] = []): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (IDENTIFIER_FIELDS.has(key)) continue;
    const format: TextFormat = html.includes(key as keyof T) ? 'html' : 'text';
    if (typeof value === 'string') out[key] = maskPersonalNumbers(value, format);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value.map((v: string) => maskPersonalNumbers(v, format));
  }
  return out as T;
}

/** maskPublicFields for each row of a list. */
export function maskPublicRows<T extends object>(rows: readonly T[], html: readonly (keyof T)[] = []): T[] {
  return rows.map((row) => maskPublicFields(row, html));
}
