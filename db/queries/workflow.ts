// The review trail: one row per status change of any content item.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { reviewEvents, type ContentStatus } from '../schema';

export async function recordReviewEvent(
  db: Db,
  event: { entityType: string; entityId: string | number; from: ContentStatus | null; to: ContentStatus; actor: { id: number; displayName: string }; reason?: string | null; publishAt?: Date | null },
): Promise<void> {
  await db.insert(reviewEvents).values({
    entityType: event.entityType,
    entityId: String(event.entityId),
    fromStatus: event.from,
    toStatus: event.to,
    actorId: event.actor.id,
    actorName: event.actor.displayName,
    reason: event.reason ?? null,
    publishAt: event.publishAt ?? null,
  });
}

export async function listReviewEvents(db: Db, entityType: string, entityId: string | number) {
  return db
    .select()
    .from(reviewEvents)
    .where(and(eq(reviewEvents.entityType, entityType), eq(reviewEvents.entityId, String(entityId))))
    .orderBy(asc(reviewEvents.at), asc(reviewEvents.id));
}

/** Who last submitted the item for review (三审三校: they may not approve it), or null. */
export async function lastSubmitterId(db: Db, entityType: string, entityId: string | number): Promise<number | null> {
  const [row] = await db
    .select({ actorId: reviewEvents.actorId })
    .from(reviewEvents)
    .where(and(eq(reviewEvents.entityType, entityType), eq(reviewEvents.entityId, String(entityId)), eq(reviewEvents.toStatus, 'pending')))
    .orderBy(desc(reviewEvents.at), desc(reviewEvents.id))
    .limit(1);
  return row?.actorId ?? null;
}
