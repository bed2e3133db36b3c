// Phone numbers in citizens' look-ups (recommendation receipts, objection tracking numbers).
import { sql, type Column, type SQL } from 'drizzle-orm';
import { phoneDigits } from '@/lib/citizen-input';

/**
 * The stored number is the typed one, whichever way either was written: digits are compared, so
 * 027-88886666, 02788886666 and "027 8888 6666" match each other, and rows stored before numbers were
 * normalised (lib/citizen-input.ts normalizePhone) still match. Used next to a unique tracking number, so
 * the expression is evaluated on one row only.
 */
export function samePhone(column: Column, typed: string): SQL {
  return sql`regexp_replace(${column}, '[^0-9]', '', 'g') = ${phoneDigits(typed)}`;
}
