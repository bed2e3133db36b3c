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
