// Identity of a credit-list fact, shared by manual entry, bulk import and the demo seed.
import { createHash } from 'node:crypto';

export type CreditIdentity = {
  list: string;
  categoryId: number;
  creditCode: string | null;
  idNumber: string | null;
  name: string;
  decisionDate: string;
  basisDoc: string;
};

/**
 * The same subject, listed for the same decision (date and basis document) in the same category, is
 * one entry: re-importing a file or re-typing an entry finds the existing row instead of adding a copy.
 * The subject is its credit code, else its ID number, else its name. Hashed, so the key never carries
 * a readable ID number.
 */
export function creditDedupeKey(e: CreditIdentity): string {
  const subject = e.creditCode?.trim().toUpperCase() || e.idNumber?.trim().toUpperCase() || e.name.trim();
  const parts = [e.list, String(e.categoryId), subject, e.decisionDate, e.basisDoc.trim()];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
