// 公民身份号码 (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check character, embedded birth date.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'check';

export function idNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** The birth date (yyyy-mm-dd) an ID number encodes, or null when it is not a real date. */
export function idNumberBirthDate(id: string): string | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(id);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** `today` is yyyy-mm-dd in the city's time zone; a birth date after it is refused. */
export function checkIdNumber(input: string, today: string): { ok: true; birthDate: string } | { ok: false; problem: IdNumberProblem } {
  const id = input.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const birthDate = idNumberBirthDate(id);
  if (!birthDate || birthDate > today) return { ok: false, problem: 'birthDate' };
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'check' };
  return { ok: true, birthDate };
}

/** Whole years between a yyyy-mm-dd birth date and a yyyy-mm-dd day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: '身份证号码应为18位，前17位为数字，最后一位为数字或X',
  birthDate: '身份证号码中的出生日期不是有效日期，请核对',
  check: '身份证号码校验位不正确，请核对是否抄错',
};
