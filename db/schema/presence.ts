import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Who has an item open in an editor right now (heartbeats), so a second editor is warned. */
export const editPresence = pgTable(
  'edit_presence',
  {
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    userId: integer('user_id').notNull(),
    userName: text('user_name').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId, t.userId] })],
);
