// Input rules shared by every form's free text (citizens' and staff's): lengths as people see them, the
// personal-number screen, phone numbers, tracking numbers. visibleLength lives in its own module for client components.
import { z } from 'zod';

import { personalNumbersMessage, type TextFormat } from './pii-detect';
import { visibleLength } from './visible-length';

export { visibleLength };

/** Removes NUL and the other control characters no typed text holds (tabs and line breaks stay). */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Trims, removes NUL and other control characters (keeps line breaks) and normalises line endings. */
export function cleanText(text: string): string {
  return withoutControlCharacters(text.replace(/\r\n?/g, '\n')).trim();
}

/**
 * The personal-number screen of a free-text field (lib/pii-detect.ts): a full ID number, a mobile number
 * or a bank card number is refused with a message saying where it starts. The issue carries
 * `params.pii` (the field's format), by which guardedAction offers staff "自动打码后保存" (maskPii=1)
 * instead of a plain refusal. Every field builder below applies it; use it on any other field that can
 * become public (or that staff may copy from).
 */
export function noPersonalNumbers(format: TextFormat = 'text') {
  return (value: string, ctx: z.RefinementCtx) => {
    const message = personalNumbersMessage(value, format);
    if (message) ctx.addIssue({ code: 'custom', message, params: { pii: format } });
  };
}

/** Whether a zod issue is the personal-number screen's, and the format of its field. */
export function personalNumbersIssue(issue: z.core.$ZodIssue): TextFormat | null {
  const format = issue.code === 'custom' ? (issue.params as { pii?: unknown } | undefined)?.pii : undefined;
  return format === 'text' || format === 'html' ? format : null;
}

/**
 * A zod string measured in visible characters, with Chinese messages naming the field, screened for
 * personal numbers (noPersonalNumbers): the builder of every free-text field, citizens' and staff's.
 */
export function visibleText(label: string, min: number, max: number) {
  return z
    .string()
    .transform(cleanText)
    .superRefine((value, ctx) => {
      // Far over the limit (no one types 20 UTF-16 units per character), code points are count enough.
      const n = value.length > max * 20 + 100 ? Array.from(value).length : visibleLength(value);
      if (min > 0 && n === 0) ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      else if (n < min) ctx.addIssue({ code: 'custom', message: `${label}至少${min}个字，目前${n}个字` });
      else if (n > max) ctx.addIssue({ code: 'custom', message: `${label}最多${max}个字，目前${n}个字` });
      // Over the limit the text is refused anyway: not scanned (a huge paste stays cheap).
      if (n <= max) noPersonalNumbers()(value, ctx);
    });
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02x have three digits (Beijing, Shanghai, Tianjin, Chongqing, Wuhan...), the rest four;
// local numbers have 7 or 8 digits.
const LANDLINE = /^(?:0[12]\d-\d{8}|0[3-9]\d{2}-\d{7,8})$/;

/** The digits of a phone number as typed: full-width digits become ASCII, +86 / 0086 and separators go. */
export function phoneDigits(input: string): string {
  const typed = input.normalize('NFKC').replace(/[^\d+]/g, '');
  // +86 27 8888 6666: written internationally, a landline loses the 0 of its area code.
  const international = /^(?:\+|00)?86(\d{10,11})$/.exec(typed);
  if (international) {
    const rest = international[1]!;
    return rest.startsWith('1') || rest.startsWith('0') ? rest : `0${rest}`;
  }
  return typed.replace(/\+/g, '');
}

/**
 * One form for every way a number is typed, used for storage and for look-ups alike: mobiles as 11 digits
 * (`13812345678`), landlines as area code, dash, local number (`027-88886666`), whatever spaces, dashes,
 * brackets, full-width digits or +86 were typed. Anything else comes back as its digits (and fails isValidPhone).
 */
export function normalizePhone(input: string): string {
  const digits = phoneDigits(input);
  if (MOBILE.test(digits)) return digits;
  if (/^0[12]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3)}`;
  if (/^0[3-9]\d{9,10}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return digits;
}

/** A normalised number (normalizePhone) that is a mobile or a landline with its area code. */
export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

export const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .refine((v) => v.length > 0, '请填写联系电话')
  .refine((v) => v.length === 0 || isValidPhone(v), '请填写正确的手机号（11位，以1开头）或带区号的固定电话，如 027-88886666');

// No 0/O, 1/I/L: a number read over the phone should survive.
const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** `TJ20261123-7KQ4M9`: a prefix, the city day and 6 random characters (about 887 million per day). */
export function makeTrackingNo(prefix: string, cityDay: string): string {
  // 31 letters: reject bytes >= 248 (8 x 31) so that every letter is equally likely.
  let tail = '';
  while (tail.length < 6) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1));
    if (byte! < 248) tail += TRACKING_ALPHABET[byte! % TRACKING_ALPHABET.length];
  }
  return `${prefix}${cityDay.replaceAll('-', '')}-${tail}`;
}

/** Upper-cases and trims a tracking number as typed; full-width characters become ASCII. */
export function normalizeTrackingNo(input: string): string {
  return input.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}
