// Who has an item open in an editor: heartbeats every ~20 s, and "others seen in the last minute".
import { and, desc, eq, gte, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { editPresence } from '../schema';

export const PRESENCE_WINDOW_SECONDS = 60;

export type PresentEditor = { userId: number; userName: string; seenAt: Date };

/** Records that the user has the item open now (one row per item and user, refreshed). */
export async function recordPresence(db: Db, entityType: string, entityId: string | number, user: { id: number; displayName: string }, at: Date = new Date()): Promise<void> {
  await db
    .insert(editPresence)
    .values({ entityType, entityId: String(entityId), userId: user.id, userName: user.displayName, seenAt: at })
    .onConflictDoUpdate({
      target: [editPresence.entityType, editPresence.entityId, editPresence.userId],
      set: { seenAt: at, userName: user.displayName },
    });
}

/** The other users with the item open within the last minute, most recently active first. */
export async function listOtherEditors(db: Db, entityType: string, entityId: string | number, userId: number, now: Date = new Date()): Promise<PresentEditor[]> {
  const since = new Date(now.getTime() - PRESENCE_WINDOW_SECONDS * 1000);
  return db
    .select({ userId: editPresence.userId, userName: editPresence.userName, seenAt: editPresence.seenAt })
    .from(editPresence)
    .where(and(eq(editPresence.entityType, entityType), eq(editPresence.entityId, String(entityId)), ne(editPresence.userId, userId), gte(editPresence.seenAt, since)))
    .orderBy(desc(editPresence.seenAt));
}
