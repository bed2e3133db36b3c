// Citizens' 好人 recommendations in the editors' area: the queue, accept (creates a draft person) and reject.
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { maskPiiInText } from '@/lib/pii-detect';
import { EDITABLE_STATUSES } from '@/lib/workflow';
import type { Db } from '../../client';
import { goodPeople, goodPersonRecommendations, type RecommendationStatus } from '../../schema';
import { ensureMonthBatch, findBatch } from './batches';
import { markBatchChanged, type Actor } from './people';

export async function listRecommendations(db: Db, status: RecommendationStatus | undefined, page: number, pageSize: number) {
  const where = status ? eq(goodPersonRecommendations.status, status) : undefined;
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(goodPersonRecommendations)
      .where(where)
      // Pending first, then newest.
      .orderBy(sql`case when ${goodPersonRecommendations.status} = 'pending' then 0 else 1 end`, desc(goodPersonRecommendations.createdAt), desc(goodPersonRecommendations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(goodPersonRecommendations).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findRecommendation(db: Db, id: number) {
  const [row] = await db.select().from(goodPersonRecommendations).where(eq(goodPersonRecommendations.id, id)).limit(1);
  return row ?? null;
}

/**
 * 采纳: a draft 身边好人 made from the recommendation in the given batch (default: the batch of `month`,
 * made when missing), and the recommendation marked accepted and linked, in one transaction.
 */
export async function acceptRecommendation(
  db: Db,
  id: number,
  actor: Actor,
  options: {
    batchId?: number | null;
    month: string;
    photo?: { key: string; alt: string } | null;
    /** The nominee's text goes into the profile with ID, mobile and bank card numbers masked. */
    maskPersonalNumbers?: boolean;
    onAccepted?: (tx: Db, done: { personId: number; batchId: number }) => Promise<void>;
  },
): Promise<{ ok: true; personId: number; batchId: number } | { ok: false; message: string }> {
  return db.transaction(async (t) => {
    const [rec] = await t.select().from(goodPersonRecommendations).where(eq(goodPersonRecommendations.id, id)).for('update').limit(1);
    if (!rec) return { ok: false as const, message: '推荐不存在。' };
    if (rec.status !== 'pending') return { ok: false as const, message: '此推荐已处理过，请刷新页面。' };
    const batch = options.batchId ? await findBatch(t, options.batchId) : await ensureMonthBatch(t, options.month);
    if (!batch) return { ok: false as const, message: '所选榜单不存在，请刷新页面。' };
    if (!EDITABLE_STATUSES.includes(batch.status)) return { ok: false as const, message: `“${batch.title}”正在审核或已发布，不能再加入人物。请选择其他榜单。` };
    const text = (value: string) => (options.maskPersonalNumbers ? maskPiiInText(value) : value);
    const [person] = await t
      .insert(goodPeople)
      .values({
        name: text(rec.nomineeName),
        region: text(rec.region),
        category: rec.category,
        level: '身边好人',
        batchId: batch.id,
        deed: text(rec.deed),
        story: text(rec.story),
        photo: options.photo?.key ?? null,
        photoAlt: options.photo?.alt ?? null,
        status: 'draft',
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: goodPeople.id });
    await markBatchChanged(t, [batch.id], actor.id);
    await t
      .update(goodPersonRecommendations)
      .set({ status: 'accepted', personId: person!.id, handledBy: actor.id, handledAt: new Date() })
      .where(eq(goodPersonRecommendations.id, id));
    await options.onAccepted?.(t, { personId: person!.id, batchId: batch.id });
    return { ok: true as const, personId: person!.id, batchId: batch.id };
  });
}

export async function rejectRecommendation(db: Db, id: number, reason: string, actor: Actor, onRejected?: (tx: Db) => Promise<void>): Promise<boolean> {
  return db.transaction(async (t) => {
    const rows = await t
      .update(goodPersonRecommendations)
      .set({ status: 'rejected', rejectReason: reason, handledBy: actor.id, handledAt: new Date() })
      .where(and(eq(goodPersonRecommendations.id, id), eq(goodPersonRecommendations.status, 'pending')))
      .returning({ id: goodPersonRecommendations.id });
    if (rows.length === 0) return false;
    await onRejected?.(t);
    return true;
  });
}
