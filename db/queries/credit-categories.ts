// Credit categories as admins manage them: the publication-period rule and the person-name masking.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { creditCategories } from '../schema';

export type NameMasking = (typeof creditCategories.$inferSelect)['personNameMasking'];
export type CreditCategorySettings = { periodMonths: number; personNameMasking: NameMasking };

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

const columns = {
  id: creditCategories.id,
  list: creditCategories.list,
  name: creditCategories.name,
  periodMonths: creditCategories.periodMonths,
  personNameMasking: creditCategories.personNameMasking,
  sortOrder: creditCategories.sortOrder,
};

/** Red list first, then black, each in the order the public pages use. */
export async function listCreditCategories(db: Db) {
  return db.select(columns).from(creditCategories).orderBy(asc(creditCategories.list), asc(creditCategories.sortOrder), asc(creditCategories.id));
}
export type CreditCategoryRow = Awaited<ReturnType<typeof listCreditCategories>>[number];

export async function findCreditCategory(db: Db, id: number): Promise<CreditCategoryRow | null> {
  const [row] = await db.select(columns).from(creditCategories).where(eq(creditCategories.id, id));
  return row ?? null;
}

/**
 * Sets a category's period and masking, returning the values before and after (null when the category
 * does not exist). Refuses a period the national rule does not allow, whoever calls it. Entries already
 * saved keep their computed publication end dates; the new period applies to entries saved afterwards.
 */
export async function updateCreditCategory(
  db: Db,
  id: number,
  next: CreditCategorySettings,
): Promise<{ name: string; before: CreditCategorySettings; after: CreditCategorySettings } | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ name: creditCategories.name, periodMonths: creditCategories.periodMonths, personNameMasking: creditCategories.personNameMasking })
      .from(creditCategories)
      .where(eq(creditCategories.id, id))
      .for('update');
    if (!current) return null;
    const problem = periodRuleError(current.name, next.periodMonths);
    if (problem) throw new Error(`credit category ${id}: period ${next.periodMonths} refused (${problem})`);
    const [updated] = await tx
      .update(creditCategories)
      .set({ periodMonths: next.periodMonths, personNameMasking: next.personNameMasking })
      .where(eq(creditCategories.id, id))
      .returning({ periodMonths: creditCategories.periodMonths, personNameMasking: creditCategories.personNameMasking });
    return {
      name: current.name,
      before: { periodMonths: current.periodMonths, personNameMasking: current.personNameMasking },
      after: { periodMonths: updated!.periodMonths, personNameMasking: updated!.personNameMasking },
    };
  });
}
