import { index, integer, pgEnum, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { contentStatus, createdAt, updatedAt } from './common';

/** Fixed categories of 中国好人榜. */
export const goodPersonCategory = pgEnum('good_person_category', ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲']);
export const goodPersonLevel = pgEnum('good_person_level', ['身边好人', '市级好人', '道德模范']);
export const gender = pgEnum('gender', ['男', '女']);

export const goodPeopleBatches = pgTable('good_people_batches', {
  id: serial('id').primaryKey(),
  // 'yyyy-mm': one monthly list per month.
  month: text('month').notNull().unique(),
  title: text('title').notNull(),
  status: contentStatus('status').notNull().default('draft'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
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
    status: contentStatus('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('good_people_batch_idx').on(t.batchId),
    index('good_people_public_idx').on(t.status, t.level, t.category),
  ],
);
