// Credit categories as admins manage them: the publication-period rule and the person-name masking.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { creditCategories } from '../schema';
import { periodRuleError } from '@/lib/periods';

export type NameMasking = (typeof creditCategories.$inferSelect)['personNameMasking'];
export type CreditCategorySettings = { periodMonths: number; personNameMasking: NameMasking };

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
