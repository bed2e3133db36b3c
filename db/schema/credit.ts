import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contentStatus, createdAt, updatedAt } from './common';
import { CREDIT_ENTRY_STATUSES, CREDIT_LISTS, NAME_MASKINGS, OBJECTION_KINDS, OBJECTION_STATUSES, SUBJECT_KINDS, type CreditList, type ObjectionStatus, type SubjectKind } from '../../lib/enums';

export const creditList = pgEnum('credit_list', CREDIT_LISTS);
export type { CreditList };
export const subjectKind = pgEnum('credit_subject_kind', SUBJECT_KINDS);
export type { SubjectKind };
/** 已到期 is not a stored status: it follows from publication_end and today's date. */
export const creditEntryStatus = pgEnum('credit_entry_status', CREDIT_ENTRY_STATUSES);
/** How natural persons' names appear publicly, per category. */
export const nameMasking = pgEnum('credit_name_masking', NAME_MASKINGS);

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
  version: integer('version').notNull().default(1),
  // Who created the batch (三审三校: the creator, the submitter and the last editors of its entries may not approve it).
  createdBy: integer('created_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * How many entries each batch holds, derived from credit_entries by its triggers (migration 0018, function
 * credit_entries_batch_counts_sync): each statement that inserts, deletes or moves entries adds its own
 * difference per batch in the writer's transaction (an UPSERT, so concurrent writers add up), and no write
 * path can forget it. The batch list reads it instead of counting a million entries per view. Not dumped by
 * backups (db/backup.ts DERIVED_TABLES): restoring the entries writes it again.
 */
export const creditBatchCounts = pgTable('credit_batch_counts', {
  batchId: integer('batch_id')
    .primaryKey()
    .references(() => creditBatches.id, { onDelete: 'cascade' }),
  entries: integer('entries').notNull().default(0),
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
    // Identity of the fact for idempotent imports: a hash of list, category, subject identifier (code or
    // ID number or name), decision date and basis document. Re-importing a row finds it and adds nothing.
    dedupeKey: text('dedupe_key').notNull(),
    version: integer('version').notNull().default(1),
    // Who last wrote the entry's content (created, imported or edited it): may not approve its batch.
    updatedBy: integer('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Site search: the name's bigrams (function in migration 0005), for two-character words.
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`cjk_bigrams(name)`),
  },
  (t) => [
    index('credit_entries_public_idx').on(t.list, t.categoryId, t.publicationEnd),
    index('credit_entries_code_idx').on(t.creditCode),
    // A batch's entries newest decision first (the public batch page), and the batch's entries at all.
    index('credit_entries_batch_idx').on(t.batchId, t.decisionDate, t.id),
    uniqueIndex('credit_entries_dedupe_key').on(t.dedupeKey),
    // Chinese substring lookup by name (3+ characters; shorter fragments are handled in issue 7/8).
    index('credit_entries_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('credit_entries_search_bigrams_idx').using('gin', t.searchBigrams),
    // Orders of the public lookup (newest decision first) and of site search (newest listed first): a
    // common fragment is served by walking one of these and stopping after a page, not by sorting every match.
    index('credit_entries_decision_idx').on(t.decisionDate, t.id),
    index('credit_entries_listed_idx').on(t.listedDate, t.id),
    // Staff filter by stored status (已移出, 已撤销: a few in a hundred), newest first.
    index('credit_entries_status_idx').on(t.status, t.id),
  ],
);

/**
 * How many 公示中-able entries share a batch, list, category and publication span, derived from credit_entries
 * by its triggers (migration 0019, function credit_entries_public_spans_sync) in the writer's transaction:
 * entries with status 'public', keyed by the first day they may be shown (their listed date, never before
 * their decision) and the last (publication_end). The public counts of a day (per list on the home page, per
 * category on /credit, per batch, and the counts of the 红黑榜 lists) add up the spans that contain it, with
 * the batch published: some thousands of rows instead of every entry. Zero rows are removed; not dumped by
 * backups (db/backup.ts DERIVED_TABLES).
 */
export const creditPublicSpans = pgTable(
  'credit_public_spans',
  {
    batchId: integer('batch_id').notNull(),
    list: creditList('list').notNull(),
    categoryId: integer('category_id').notNull(),
    startDay: date('start_day').notNull(),
    endDay: date('end_day').notNull(),
    entries: integer('entries').notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.list, t.categoryId, t.startDay, t.endDay] })],
);

/** Every change to an entry after it was created (edit, status change, passed objection): old and new values. */
export const creditEntryHistory = pgTable(
  'credit_entry_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => creditEntries.id, { onDelete: 'cascade' }),
    // 'edit' | 'remove' | 'revoke' | 'restore' | 'objection'
    source: text('source').notNull(),
    objectionId: integer('objection_id'),
    reason: text('reason'),
    // Only the changed fields; the full ID number is never written here (masked value only).
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('credit_entry_history_entry_idx').on(t.entryId, t.at)],
);

export const objectionKind = pgEnum('credit_objection_kind', OBJECTION_KINDS);
/** 待审核 -> 待核实 -> 已通过 / 未通过 -> 已完成. */
export const objectionStatus = pgEnum('credit_objection_status', OBJECTION_STATUSES);
export type { ObjectionStatus };

/** 异议申诉 and 信用修复 share one workflow. The applicant's phone is staff-only and the key to the status page. */
export const creditObjections = pgTable(
  'credit_objections',
  {
    id: serial('id').primaryKey(),
    trackingNo: text('tracking_no').notNull().unique(),
    kind: objectionKind('kind').notNull(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => creditEntries.id),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    explanation: text('explanation').notNull(),
    // private_files ids.
    attachmentIds: jsonb('attachment_ids').$type<number[]>().notNull().default([]),
    flaggedWords: jsonb('flagged_words').$type<string[]>().notNull().default([]),
    status: objectionStatus('status').notNull().default('submitted'),
    // What a passed objection did to the entry: 'modify' | 'remove'; with the reviewer's written result.
    outcome: text('outcome'),
    resolution: text('resolution'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('credit_objections_status_idx').on(t.status, t.createdAt), index('credit_objections_entry_idx').on(t.entryId)],
);

/** The progress trail an applicant sees on the status page (note is public to the applicant). */
export const creditObjectionEvents = pgTable(
  'credit_objection_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    objectionId: integer('objection_id')
      .notNull()
      .references(() => creditObjections.id, { onDelete: 'cascade' }),
    fromStatus: objectionStatus('from_status'),
    toStatus: objectionStatus('to_status').notNull(),
    note: text('note'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('credit_objection_events_idx').on(t.objectionId, t.at)],
);

