// 问题整改台账: 责任单位, categories, the working-day calendar, the items (随手拍, 督查, 测评, 12345), their
// events (the timeline and the source of every statistic), photos and 我也遇到 supports.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { users } from './auth';
import { units } from './units';
import { privateFiles } from './citizen';
import { CALENDAR_DAY_KINDS, ISSUE_EVENT_KINDS, ISSUE_PHOTO_STAGES, ISSUE_SOURCES, ISSUE_STATUSES, RATINGS, type IssueStatus } from '../../lib/enums';

export const issueSource = pgEnum('issue_source', ISSUE_SOURCES);
export const issueStatus = pgEnum('issue_status', ISSUE_STATUSES);
export type { IssueStatus };
export const issueEventKind = pgEnum('issue_event_kind', ISSUE_EVENT_KINDS);
export const issueRating = pgEnum('issue_rating', RATINGS);
export const issuePhotoStage = pgEnum('issue_photo_stage', ISSUE_PHOTO_STAGES);
export const calendarDayKind = pgEnum('calendar_day_kind', CALENDAR_DAY_KINDS);

export const issueCategories = pgTable('issue_categories', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  defaultUnitId: integer('default_unit_id').references(() => units.id),
  // Working days from the day after assignment; urgent items get hours instead (counted in working time).
  deadlineDays: smallint('deadline_days').notNull(),
  urgentHours: smallint('urgent_hours').notNull(),
  // Never for 不文明行为: report the place, not the person.
  photosPublic: boolean('photos_public').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** 法定节假日 (off although a weekday) and 调休 workdays (on although a weekend), per date. */
export const workCalendarDays = pgTable('work_calendar_days', {
  date: date('date').primaryKey(),
  kind: calendarDayKind('kind').notNull(),
  note: text('note').notNull().default(''),
});

export const issues = pgTable(
  'issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    no: text('no').notNull().unique(),
    source: issueSource('source').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => issueCategories.id),
    description: text('description').notNull(),
    address: text('address').notNull(),
    area: text('area').notNull().default(''),
    // Exact position: staff only. The public copy is rounded to about 100 m (lib/geo.ts).
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    publicLat: doublePrecision('public_lat'),
    publicLng: doublePrecision('public_lng'),
    reporterName: text('reporter_name'),
    reporterNamePublic: boolean('reporter_name_public').notNull().default(false),
    // Normalised (lib/citizen-input normalizePhone); staff only, and the key of the reporter's look-up and rating.
    reporterPhone: text('reporter_phone'),
    visitorId: text('visitor_id'),
    flaggedWords: jsonb('flagged_words').$type<string[]>().notNull().default([]),
    status: issueStatus('status').notNull().default('pending'),
    unitId: integer('unit_id').references(() => units.id),
    urgent: boolean('urgent').notNull().default(false),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    // The first 'assign' event of the item to the unit that holds it now (unit_id): the instant a unit's
    // figures count the item from. Set in the same transaction as each assignment (an earlier assignment
    // to the same unit keeps its instant), cleared with unit_id; null while no unit holds the item.
    unitAssignedAt: timestamp('unit_assigned_at', { withTimezone: true }),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    plannedDate: date('planned_date'),
    // When the unit last submitted for verification (a submission before the deadline is on time).
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    returnCount: smallint('return_count').notNull().default(0),
    reopenCount: smallint('reopen_count').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rating: issueRating('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    duplicateOfId: bigint('duplicate_of_id', { mode: 'number' }),
    supports: integer('supports').notNull().default(0),
    // 督查 findings: the inspection report's document number.
    documentNo: text('document_no'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Site search: place and description (public fields only), and their bigrams for two-character words.
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`address || ' ' || description`),
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`cjk_bigrams(address || ' ' || description)`),
  },
  (t) => [
    index('issues_status_created_idx').on(t.status, t.createdAt),
    index('issues_created_idx').on(t.createdAt, t.id),
    index('issues_category_idx').on(t.categoryId, t.createdAt),
    index('issues_unit_idx').on(t.unitId, t.status, t.createdAt),
    // A unit's figures over a period (db/queries/ledger/unit-figures.ts): the unit's items by their first
    // assignment to it, with every column the figures read, so that they come from an index-only scan (a
    // row of issues carries its texts and search columns: reading 40,000 of them costs most of a second).
    index('issues_unit_figures_idx')
      .on(t.unitId, t.unitAssignedAt, t.status, t.closedAt, t.submittedAt, t.deadlineAt, t.plannedDate, t.reopenCount, t.rating)
      .where(sql`${t.unitAssignedAt} is not null`),
    index('issues_area_idx').on(t.area, t.createdAt),
    // The public list's counts per status in an area (each stops at the cap): index-only, no table rows.
    index('issues_area_status_idx').on(t.area, t.status),
    index('issues_deadline_idx').on(t.status, t.deadlineAt),
    // The items not yet with a unit, with the column the dashboard's queues read (待审核, 待交办, 被退回):
    // their counts are index-only scans (db/queries/ledger/ledger-admin/queues.ts).
    index('issues_intake_idx')
      .on(t.status, t.unitId, t.returnCount)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    // The open items by status and unit, with every column 超期 and the public list's filters read: the
    // per-request 超期 of a unit's figures (unit, first assignment) and the capped counts per status under
    // 超期 (with or without a unit) are index-only scans of it, never of the table rows.
    index('issues_open_status_idx')
      .on(t.status, t.unitId, t.unitAssignedAt, t.deadlineAt, t.plannedDate, t.submittedAt, t.categoryId, t.area, t.createdAt)
      .where(sql`${t.status} in ('assigned', 'fixing', 'planned', 'verifying')`),
    // A unit's closed items ordered by days to close (first assignment to closure, at whole milliseconds, as
    // db/queries/ledger/unit-figures.ts computes it): the exact median is read at its position (OFFSET n/2,
    // n from unit_month_figures) instead of sorting every closed item per request. closed_at and
    // unit_assigned_at are key columns too, so that the walk is an index-only scan.
    index('issues_unit_durations_idx')
      .on(t.unitId, sql`(date_trunc('milliseconds', ${t.closedAt} at time zone 'UTC') - date_trunc('milliseconds', ${t.unitAssignedAt} at time zone 'UTC'))`, t.unitAssignedAt, t.closedAt)
      .where(sql`${t.status} = 'closed' and ${t.closedAt} is not null and ${t.unitAssignedAt} is not null`),
    // The open items newest first, with every column the public list's filters read: under 超期 the list
    // and its counts are index-only scans of these (超期 depends on the time of the request, so no index
    // can hold it; the deadline columns are here instead).
    index('issues_open_idx')
      .on(t.createdAt, t.id, t.status, t.deadlineAt, t.plannedDate, t.submittedAt, t.unitId, t.categoryId, t.area)
      .where(sql`${t.status} in ('assigned', 'fixing', 'planned', 'verifying')`),
    // The few items with a 文号 (inspection findings): the staff search ORs it with the text's indexes.
    index('issues_document_no_idx').on(t.documentNo).where(sql`${t.documentNo} is not null`),
    index('issues_similar_idx').on(t.categoryId, t.area, t.status),
    index('issues_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('issues_search_bigrams_idx').using('gin', t.searchBigrams),
    // The search's title part is the place.
    index('issues_address_trgm_idx').using('gin', t.address.op('gin_trgm_ops')),
    index('issues_address_bigrams_idx').using('gin', sql`cjk_bigrams(${t.address})`),
  ],
);

/**
 * A unit's figures per month (db/queries/ledger/unit-figures.ts): the counts over its public items first
 * assigned to it (issues.unit_assigned_at) within the city month starting on `month`. Maintained by the
 * database itself: a statement trigger on issues recounts every (unit, month) a statement touched from
 * issues_unit_figures_idx, in the writer's transaction (migration 0016, function unit_month_figures_refresh),
 * so no write path can forget it. Nothing that depends on the time of a request is stored here (超期, the
 * median: both are read per request).
 */
export const unitMonthFigures = pgTable(
  'unit_month_figures',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The first day of the city month (Asia/Shanghai) of the items' first assignment to the unit. */
    month: date('month').notNull(),
    assigned: integer('assigned').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    onTime: integer('on_time').notNull().default(0),
    reopened: integer('reopened').notNull().default(0),
    /** Items reopened or closed: the base of the reopen rate. */
    reopenBase: integer('reopen_base').notNull().default(0),
    rated: integer('rated').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);

/** Every step of an item: the public timeline, the reporter's reasons, staff notes, and the source of unit statistics. */
export const issueEvents = pgTable(
  'issue_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    issueId: bigint('issue_id', { mode: 'number' })
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    kind: issueEventKind('kind').notNull(),
    fromStatus: issueStatus('from_status'),
    toStatus: issueStatus('to_status'),
    actorUserId: integer('actor_user_id').references(() => users.id),
    // The unit the step concerns (assign: the unit assigned; a unit's own steps: that unit).
    actorUnitId: integer('actor_unit_id').references(() => units.id),
    publicNote: text('public_note'),
    internalNote: text('internal_note'),
    // Shown only to the reporter (/snap/status): the reason of 不予受理, for example.
    reporterNote: text('reporter_note'),
    // A submission note identical to an earlier one of the same unit (copy-paste answers).
    repeatedNote: boolean('repeated_note').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('issue_events_issue_idx').on(t.issueId, t.createdAt), index('issue_events_unit_idx').on(t.actorUnitId, t.kind, t.createdAt)],
);

export const issuePhotos = pgTable(
  'issue_photos',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    issueId: bigint('issue_id', { mode: 'number' })
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    stage: issuePhotoStage('stage').notNull(),
    // The original (private_files, purpose 'issue'): staff only.
    privateFileId: integer('private_file_id')
      .notNull()
      .references(() => privateFiles.id),
    // The redacted copy staff published (media_assets.storage_key), null until published.
    publicMediaKey: text('public_media_key'),
    // 64-bit difference hash as 16 hex digits (server/image-hash.ts).
    dhash: text('dhash'),
    duplicateOfPhotoId: bigint('duplicate_of_photo_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('issue_photos_issue_idx').on(t.issueId, t.stage), index('issue_photos_dhash_idx').on(t.dhash)],
);

/** 我也遇到: one per visitor and item. */
export const issueSupports = pgTable(
  'issue_supports',
  {
    issueId: bigint('issue_id', { mode: 'number' })
      .notNull()
      .references(() => issues.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.visitorId] })],
);
