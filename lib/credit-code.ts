// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a MOD 31 check character.

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'character' | 'check';

/** The check character for the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check]!;
}

/** Upper-cases and strips spaces, so that a code typed as "9135 0100 m000 100y43" is still found. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function checkCreditCode(code: string): { ok: true } | { ok: false; problem: CreditCodeProblem } {
  if (code.length !== 18) return { ok: false, problem: 'length' };
  for (const ch of code) {
    if (!CREDIT_CODE_ALPHABET.includes(ch)) return { ok: false, problem: 'character' };
  }
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? { ok: true } : { ok: false, problem: 'check' };
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code).ok;
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位，请核对位数',
  character: '统一社会信用代码只包含数字和大写字母（不含 I、O、S、V、Z），请核对',
  check: '统一社会信用代码校验位不正确，请核对是否抄错',
};
