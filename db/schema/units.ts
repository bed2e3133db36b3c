// 责任单位 (units): in a file of their own, since users (db/schema/auth.ts: a 单位经办人's unit) and the
// ledger (db/schema/ledger.ts) both refer to them.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { UNIT_KINDS } from '../../lib/enums';

export const unitKind = pgEnum('unit_kind', UNIT_KINDS);

/** 责任单位 with the 片区/网格 they answer for. */
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    kind: unitKind('kind').notNull(),
    parentId: integer('parent_id'),
    areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('units_parent_idx').on(t.parentId), index('units_areas_idx').using('gin', t.areas)],
);
