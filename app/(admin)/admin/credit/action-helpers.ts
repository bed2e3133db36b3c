// Shared by the 红黑榜 actions: id and text schemas, the entry form's fields and checks, the audit view of an entry, and the cache refresh after a change.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { listCreditCategories } from '@/db/queries/credit-categories';
import type { CreditEntryForEdit } from '@/db/queries/credit-admin/entries';
import { invalidate, TAGS } from '@/server/cache/invalidate';
import { CREDIT_TEXT_FIELDS, maskCreditDraft, validateCreditEntry, type CreditEntryDraft, type ValidCreditEntry } from '@/lib/credit-entry';
import { cityDay } from '@/lib/dates';

export const id = z.coerce.number().int().positive().max(2_000_000_000);
export const version = z.coerce.number().int().positive();
const text = z.string().optional().default('');
export const reasonText = z.string().trim().max(500, '理由不超过500个字').optional().default('');

export async function refreshCredit(...paths: string[]) {
  await invalidate(TAGS.credit);
  revalidatePath('/admin/credit');
  for (const path of paths) revalidatePath(path);
}

/** The entry's fields as the history and the audit log show them (never the full ID number). */
export function entryView(entry: Omit<ValidCreditEntry, 'dedupeKey'> | CreditEntryForEdit): Record<string, unknown> {
  return {
    list: entry.list,
    categoryId: entry.categoryId,
    subjectKind: entry.subjectKind,
    name: entry.name,
    creditCode: entry.creditCode,
    legalRep: entry.legalRep,
    idNumberMasked: entry.idNumberMasked,
    reason: entry.reason,
    amount: entry.amount,
    authority: entry.authority,
    basisDoc: entry.basisDoc,
    decisionDate: entry.decisionDate,
    listedDate: entry.listedDate,
    publicationEnd: entry.publicationEnd,
    publicationEndReason: entry.publicationEndReason,
  };
}

// -------------------------------------------------------------------------------------------- entries

export const entryFields = z.object({
  categoryId: z.string().optional().default(''),
  subjectKind: text,
  name: text,
  creditCode: text,
  legalRep: text,
  idNumber: text,
  reason: text,
  amount: text,
  authority: text,
  basisDoc: text,
  decisionDate: text,
  listedDate: text,
  publicationEnd: text,
  publicationEndReason: text,
});
type EntryFields = z.infer<typeof entryFields>;

/**
 * The list comes from the chosen category; the shared validation still checks that they agree. With
 * `form.maskPii` (自动打码后保存) personal numbers in the free text are masked first, and the echoed form
 * values show the masked text.
 */
export async function checkEntry(db: Db, input: EntryFields, previous?: { decisionDate: string; publicationEnd: string; categoryId: number } | null, form?: { maskPii: boolean; values: Record<string, string> }) {
  const categories = await listCreditCategories(db);
  const categoryId = /^\d{1,9}$/.test(input.categoryId) ? Number(input.categoryId) : null;
  const category = categories.find((c) => c.id === categoryId);
  let draft: CreditEntryDraft = { ...input, list: category?.list ?? '', categoryId };
  if (form?.maskPii) {
    draft = maskCreditDraft(draft);
    for (const field of CREDIT_TEXT_FIELDS) if (field in form.values) form.values[field] = draft[field];
  }
  const checked = validateCreditEntry(draft, categories, cityDay(), previous);
  if (!checked.ok && checked.errors.list && !checked.errors.categoryId) checked.errors.categoryId = checked.errors.list;
  return checked;
}
