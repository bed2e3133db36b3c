// Input rules shared by citizens' forms (recommendations, comments, objections): lengths as people
// see them, phone numbers, tracking numbers. visibleLength lives in its own module for client components.
import { z } from 'zod';

import { visibleLength } from './visible-length';

export { visibleLength };

/** Trims, removes NUL and other control characters (keeps line breaks) and normalises line endings. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
}

/** A zod string measured in visible characters, with Chinese messages naming the field. */
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
    });
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** Normalises a phone number as typed (spaces, dashes, +86) to digits; landlines keep one dash. */
export function normalizePhone(input: string): string {
  let s = input.replace(/[\s\u3000]/g, '').replace(/[－—–]/g, '-');
  s = s.replace(/^(\+?86)-?/, '');
  if (MOBILE.test(s.replace(/-/g, ''))) return s.replace(/-/g, '');
  return s;
}

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
