import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contentStatus, createdAt, updatedAt } from './common';
import { COMMENT_STATUSES, GENDERS, GOOD_PERSON_CATEGORIES, GOOD_PERSON_LEVELS, RECOMMENDATION_STATUSES, type CommentStatus, type RecommendationStatus } from '../../lib/enums';

/** Fixed categories of 中国好人榜. */
export const goodPersonCategory = pgEnum('good_person_category', GOOD_PERSON_CATEGORIES);
export const goodPersonLevel = pgEnum('good_person_level', GOOD_PERSON_LEVELS);
export const gender = pgEnum('gender', GENDERS);

export const goodPeopleBatches = pgTable('good_people_batches', {
  id: serial('id').primaryKey(),
  // 'yyyy-mm': one monthly list per month.
  month: text('month').notNull().unique(),
  title: text('title').notNull(),
  status: contentStatus('status').notNull().default('draft'),
  // 点赞评议: while today (city time) is within [voting_start, voting_end], the batch's people are shown
  // publicly as candidates that citizens may like and comment on. Votes inform reviewers; they decide nothing.
  votingStart: date('voting_start'),
  votingEnd: date('voting_end'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  // Who last changed the batch's details or membership (三审三校: they may not approve it).
  updatedBy: integer('updated_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const goodPeople = pgTable(
  'good_people',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    photo: text('photo'),
    photoAlt: text('photo_alt'),
    gender: gender('gender'),
    birthYear: smallint('birth_year'),
    region: text('region').notNull(),
    unit: text('unit'),
    category: goodPersonCategory('category').notNull(),
    level: goodPersonLevel('level').notNull(),
    batchId: integer('batch_id').references(() => goodPeopleBatches.id),
    // 道德模范 are elected per 届 (e.g. 5 = 第五届).
    term: smallint('term'),
    deed: text('deed').notNull(),
    story: text('story').notNull().default(''),
    honors: text('honors').notNull().default(''),
    likeCount: integer('like_count').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    status: contentStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    // The author and the last editor of the content (三审三校: neither may approve it). Status moves
    // leave updated_by alone: it names who wrote the version under review.
    createdBy: integer('created_by'),
    updatedBy: integer('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Site search (functions in migration 0005): name, region and unit, deed, story, one line each,
    // joined by newlines; and the bigrams of the same text, for two-character words.
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        sql`search_line(name) || chr(10) || search_line(region || ' ' || coalesce(unit, '')) || chr(10) || search_line(deed) || chr(10) || search_line(story)`,
      ),
    searchBigrams: text('search_bigrams')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`cjk_bigrams(name || ' ' || region || ' ' || coalesce(unit, '') || ' ' || deed || ' ' || story)`),
  },
  (t) => [
    index('good_people_batch_idx').on(t.batchId),
    index('good_people_public_idx').on(t.status, t.level, t.category),
    index('good_people_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('good_people_search_bigrams_idx').using('gin', t.searchBigrams),
    index('good_people_name_bigrams_idx').using('gin', sql`cjk_bigrams(${t.name})`),
    index('good_people_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    // Site search (newest published first) and the admin list (newest change first) at scale.
    index('good_people_published_idx').on(t.publishedAt, t.id),
    // The count of public people (the home page): an index-only scan of the published ones with the columns
    // publicPeople() reads, never their table rows (long stories: 200 ms for 50,000 people, now about 13).
    index('good_people_public_count_idx').on(t.batchId, t.publishedAt).where(sql`${t.status} = 'published'`),
    index('good_people_updated_idx').on(t.updatedAt, t.id),
  ],
);

export const recommendationStatus = pgEnum('recommendation_status', RECOMMENDATION_STATUSES);
export type { RecommendationStatus };

/** 我推荐身边好人: a citizen's nomination. The recommender's phone is staff-only, never public. */
export const goodPersonRecommendations = pgTable(
  'good_person_recommendations',
  {
    id: serial('id').primaryKey(),
    // Shown to the citizen as the receipt (回执号) to look the status up with.
    receiptNo: text('receipt_no').notNull().unique(),
    nomineeName: text('nominee_name').notNull(),
    region: text('region').notNull(),
    category: goodPersonCategory('category').notNull(),
    deed: text('deed').notNull(),
    story: text('story').notNull().default(''),
    // private_files ids, in the order uploaded (at most 5).
    photoIds: jsonb('photo_ids').$type<number[]>().notNull().default([]),
    recommenderName: text('recommender_name').notNull(),
    recommenderPhone: text('recommender_phone').notNull(),
    // Sensitive words found when submitted; the moderator sees them highlighted.
    flaggedWords: jsonb('flagged_words').$type<string[]>().notNull().default([]),
    status: recommendationStatus('status').notNull().default('pending'),
    rejectReason: text('reject_reason'),
    // The draft profile made when an editor accepted the recommendation.
    personId: integer('person_id').references(() => goodPeople.id),
    handledBy: integer('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('good_person_recommendations_status_idx').on(t.status, t.createdAt)],
);

/**
 * One like per person per browser per city day. The primary key makes a second like of the same day a
 * no-op, whatever the timing; like_count on good_people is raised in the same transaction as the insert.
 */
export const goodPersonLikes = pgTable(
  'good_person_likes',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => goodPeople.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    // A random per-browser id from a cookie, hashed; never an IP address.
    voterKey: text('voter_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day, t.voterKey] })],
);

export const commentStatus = pgEnum('comment_status', COMMENT_STATUSES);
export type { CommentStatus };

/** Citizens' comments: shown only once approved; 3 reports hide an approved comment until a moderator decides. */
export const goodPersonComments = pgTable(
  'good_person_comments',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => goodPeople.id, { onDelete: 'cascade' }),
    nickname: text('nickname').notNull().default('网友'),
    body: text('body').notNull(),
    flaggedWords: jsonb('flagged_words').$type<string[]>().notNull().default([]),
    status: commentStatus('status').notNull().default('pending'),
    reportCount: integer('report_count').notNull().default(0),
    rejectReason: text('reject_reason'),
    moderatedBy: integer('moderated_by'),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('good_person_comments_person_idx').on(t.personId, t.status, t.createdAt),
    index('good_person_comments_status_idx').on(t.status, t.createdAt),
  ],
);

/**
 * One report per comment per browser and per address, so three reports are three browsers on three
 * addresses. Both keys are one-way: the browser id's hash and a keyed hash (HMAC) of the address.
 */
export const goodPersonCommentReports = pgTable(
  'good_person_comment_reports',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => goodPersonComments.id, { onDelete: 'cascade' }),
    reporterKey: text('reporter_key').notNull(),
    /** Null when the address is unknown: such reports are limited by the browser id alone. */
    addressKey: text('address_key'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('good_person_comment_reports_key').on(t.commentId, t.reporterKey),
    uniqueIndex('good_person_comment_reports_address').on(t.commentId, t.addressKey),
  ],
);
