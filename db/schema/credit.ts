import { date, index, integer, numeric, pgEnum, pgTable, serial, bigserial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { contentStatus, createdAt, updatedAt } from './common';

export const creditList = pgEnum('credit_list', ['red', 'black']);
export type CreditList = (typeof creditList.enumValues)[number];
export const subjectKind = pgEnum('credit_subject_kind', ['法人企业', '个体工商户', '自然人', '机关事业单位/社会组织']);
export type SubjectKind = (typeof subjectKind.enumValues)[number];
/** 已到期 is not a stored status: it follows from publication_end and today's date. */
export const creditEntryStatus = pgEnum('credit_entry_status', ['public', 'removed', 'revoked']);
/** How natural persons' names appear publicly, per category. */
export const nameMasking = pgEnum('credit_name_masking', ['masked', 'full']);

export const creditCategories = pgTable('credit_categories', {
  id: serial('id').primaryKey(),
  list: creditList('list').notNull(),
  name: text('name').notNull().unique(),
  // Publication period in months, counted from the decision date (a setting, not a constant).
  periodMonths: smallint('period_months').notNull(),
  personNameMasking: nameMasking('person_name_masking').notNull().default('masked'),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const creditBatches = pgTable('credit_batches', {
  id: serial('id').primaryKey(),
  title: text('title').notNull().unique(),
  status: contentStatus('status').notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const creditEntries = pgTable(
  'credit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    list: creditList('list').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => creditCategories.id),
    subjectKind: subjectKind('subject_kind').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    legalRep: text('legal_rep'),
    // Full ID number: admin-only. Public queries read id_number_masked and never select this column.
    idNumber: text('id_number'),
    idNumberMasked: text('id_number_masked'),
    reason: text('reason').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }),
    authority: text('authority').notNull(),
    basisDoc: text('basis_doc').notNull().default(''),
    decisionDate: date('decision_date').notNull(),
    listedDate: date('listed_date').notNull(),
    publicationEnd: date('publication_end').notNull(),
    publicationEndReason: text('publication_end_reason'),
    status: creditEntryStatus('status').notNull().default('public'),
    statusReason: text('status_reason'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    batchId: integer('batch_id').references(() => creditBatches.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('credit_entries_public_idx').on(t.list, t.categoryId, t.publicationEnd),
    index('credit_entries_code_idx').on(t.creditCode),
    index('credit_entries_batch_idx').on(t.batchId),
  ],
);

