// Fixed-window counters in the database, so that limits hold across processes and instances.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimits } from '../schema';

export type Counter = { count: number; resetAt: Date };

/** Counts one more hit in the key's window (a new window starts when the old one has ended). */
export async function hitCounter(db: Db, key: string, windowSeconds: number): Promise<Counter> {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: sql`now() + ${window}` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= now() then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= now() then now() + ${window} else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  return row!;
}

/** The key's current window, or null when there is none or it has ended. */
export async function peekCounter(db: Db, key: string): Promise<Counter | null> {
  const [row] = await db
    .select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${key} and ${rateLimits.resetAt} > now()`)
    .limit(1);
  return row ?? null;
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Gives one counted attempt back (a sign-in that succeeded should not use up its address's budget). */
export async function decrementCounter(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
