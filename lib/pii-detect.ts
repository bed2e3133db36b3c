// Finds full ID numbers and mobile phone numbers in text (pages, feeds, JSON, headers), for the crawl
// that proves none reaches the public. Candidates are checked (check digit, birth date, province code)
// so that article ids, timestamps and other long numbers do not count.
import { idNumberBirthDate, idNumberCheckChar } from './id-number';

export type PiiKind = 'idNumber' | 'oldIdNumber' | 'phone';
export type PiiHit = { kind: PiiKind; value: string; index: number };

// First two digits of the administrative division code (GB/T 2260): provinces, Hong Kong, Macao, Taiwan.
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]);

// Not part of a longer run of letters or digits: a hash or a longer number is not a phone or an ID.
const ID_18 = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const ID_15 = /(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(1[3-9]\d{9})(?![0-9A-Za-z])/g;

const province = (id: string) => PROVINCES.has(Number(id.slice(0, 2)));

/** An 18-character 公民身份号码 with a real province, birth date and check character. */
export function isFullIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  return /^\d{17}[\dX]$/.test(id) && province(id) && idNumberBirthDate(id) !== null && idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** A 15-digit first-generation ID number: province, then a real date 19YYMMDD, then a sequence number. */
export function isOldIdNumber(value: string): boolean {
  return /^\d{15}$/.test(value) && province(value) && idNumberBirthDate(`${value.slice(0, 6)}19${value.slice(6, 12)}`) !== null;
}

export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(ID_18)) if (isFullIdNumber(m[1]!)) hits.push({ kind: 'idNumber', value: m[1]!, index: m.index });
  for (const m of text.matchAll(ID_15)) if (isOldIdNumber(m[1]!)) hits.push({ kind: 'oldIdNumber', value: m[1]!, index: m.index });
  for (const m of text.matchAll(MOBILE)) hits.push({ kind: 'phone', value: m[1]!, index: m.index });
  return hits.sort((a, b) => a.index - b.index);
}

/** Each hit with some text around it, for a failure message a person can act on. */
export function describePii(text: string, hits: PiiHit[]): string[] {
  return hits.map((hit) => `${hit.kind} ${hit.value} in “${text.slice(Math.max(0, hit.index - 40), hit.index + hit.value.length + 40).replace(/\s+/g, ' ')}”`);
}
