import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contentStatus } from './common';

/** Who moved which content item from which status to which, when and why (the review trail). */
export const reviewEvents = pgTable(
  'review_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    fromStatus: contentStatus('from_status'),
    toStatus: contentStatus('to_status').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    // For scheduled publication: the time the item goes public.
    publishAt: timestamp('publish_at', { withTimezone: true }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_events_entity_idx').on(t.entityType, t.entityId, t.at)],
);
