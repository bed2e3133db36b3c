// Publication periods of credit entries (《信用修复管理办法》): the clock starts at the decision date.
import { addDays, addMonths } from './dates';

/**
 * The last day an entry is shown: decision date + period months, minus one day
 * (a 12-month period decided on 2026-03-15 is shown up to and including 2027-03-14).
 */
export function publicationEndDate(decisionDate: string, periodMonths: number): string {
  return addDays(addMonths(decisionDate, periodMonths), -1);
}

/** Shown publicly on `today` (yyyy-mm-dd): listed already and the period not over. */
export function isWithinPublication(listedDate: string, publicationEnd: string, today: string): boolean {
  return listedDate <= today && today <= publicationEnd;
}

/** 《信用修复管理办法》 (in force 2026-04-01): 一般 3-12 months, 严重 12-36 months; 轻微 is not published. */
export const PERIOD_MIN_MONTHS = 3;
export const PERIOD_MAX_MONTHS = 36;
export const SEVERE_MIN_MONTHS = 12;

// Sectors where the rule asks for at least 12 months, with the message an admin sees for each group.
const SEVERE_SECTORS: { keywords: string[]; message: string }[] = [
  { keywords: ['食品', '药品', '安全生产'], message: '食品药品、安全生产类公示期不少于12个月' },
  { keywords: ['特种设备', '消防'], message: '特种设备、消防类公示期不少于12个月' },
];

/** Why a period is not allowed for a category, in words for the admin; null when it is allowed. */
export function periodRuleError(categoryName: string, periodMonths: number): string | null {
  if (!Number.isInteger(periodMonths) || periodMonths < PERIOD_MIN_MONTHS || periodMonths > PERIOD_MAX_MONTHS) {
    return `公示期限须为${PERIOD_MIN_MONTHS}-${PERIOD_MAX_MONTHS}之间的整数（月）`;
  }
  const sector = SEVERE_SECTORS.find((s) => s.keywords.some((k) => categoryName.includes(k)));
  if (sector && periodMonths < SEVERE_MIN_MONTHS) return sector.message;
  return null;
}
