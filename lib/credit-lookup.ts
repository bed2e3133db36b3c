// What a citizen typed into the 诚信红黑榜 lookup box: a 统一社会信用代码 (checked, with a message that says
// exactly what is wrong), a name fragment, or something too short or too long to look up.
import { checkCreditCode, creditCodeCheckChar } from './credit-code';

export const MIN_FRAGMENT = 2;
export const MAX_FRAGMENT = 50;

export type CreditLookup =
  | { kind: 'empty' }
  | { kind: 'code'; code: string }
  | { kind: 'badCode'; code: string; message: string }
  | { kind: 'name'; fragment: string }
  | { kind: 'invalid'; message: string };

const FORBIDDEN = /[IOSVZ]/g;

/** NFKC (full-width to ASCII), control characters dropped, spaces collapsed and trimmed. */
export function cleanLookupText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A code attempt: 15-20 ASCII letters and digits once spaces and dashes are removed, with enough digits
 * (every real code starts with a region code) that a Latin brand name is still searched as a name.
 */
function codeAttempt(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-Z]{15,20}$/.test(compact)) return null;
  return (compact.match(/\d/g)?.length ?? 0) >= 6 ? compact : null;
}

function badCodeMessage(code: string): string | null {
  const result = checkCreditCode(code);
  if (result.ok) return null;
  if (result.problem === 'length') return `统一社会信用代码应为18位，您输入了${code.length}位。请核对是否漏输或多输后重新输入。`;
  if (result.problem === 'character') {
    // Input reaching here is ASCII letters and digits, so the only characters outside the alphabet are these.
    const letters = [...new Set(code.match(FORBIDDEN) ?? [])];
    return `统一社会信用代码不使用字母 I、O、S、V、Z，您输入的代码中含有“${letters.join('”“')}”。请核对（常见的是把数字 0、1、5、2 误写成字母）后重新输入。`;
  }
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  return `统一社会信用代码校验位不正确：按前17位计算，第18位应为“${expected}”。请核对后重新输入。`;
}

export function parseCreditLookup(raw: string | null | undefined): CreditLookup {
  const text = cleanLookupText(raw ?? '');
  if (!text) return { kind: 'empty' };
  const code = codeAttempt(text);
  if (code) {
    const message = badCodeMessage(code);
    return message ? { kind: 'badCode', code, message } : { kind: 'code', code };
  }
  const length = Array.from(text).length;
  if (length < MIN_FRAGMENT) return { kind: 'invalid', message: `请至少输入${MIN_FRAGMENT}个字，例如企业名称中的一部分“诚信达”，或输入完整的18位统一社会信用代码。` };
  if (length > MAX_FRAGMENT) return { kind: 'invalid', message: `查询内容过长，请输入不超过${MAX_FRAGMENT}个字的名称或名称的一部分。` };
  return { kind: 'name', fragment: text };
}

/** A lookup that runs, by code or by name fragment. */
export type RunnableCreditLookup = { code: string } | { fragment: string };

/** The part of a lookup that decides its results: a fragment lower-cased (the name match ignores case). */
export function canonicalCreditLookup(lookup: RunnableCreditLookup): RunnableCreditLookup {
  return 'code' in lookup ? { code: lookup.code } : { fragment: lookup.fragment.toLowerCase() };
}
