'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { channelTaken, deleteChannel, findChannel, insertChannel, isUniqueViolation, moveChannel, updateChannel } from '@/db/queries/news-admin';
import { guardedAction } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { invalidateNews } from '@/server/cache/invalidate';
import { channelFields } from '@/lib/article-input';

const id = z.coerce.number().int().positive();

async function refresh() {
  revalidatePath('/admin/news/channels');
  revalidatePath('/admin/news');
  // Channel names and addresses appear on public pages and feeds.
  await invalidateNews();
}

async function takenErrors(db: Parameters<typeof channelTaken>[0], input: { name: string; slug: string }, exceptId?: number) {
  const errors: Record<string, string> = {};
  if (await channelTaken(db, 'name', input.name, exceptId)) errors.name = '已有同名栏目';
  if (await channelTaken(db, 'slug', input.slug, exceptId)) errors.slug = '该栏目网址已被使用';
  return errors;
}

export const createChannel = guardedAction('settings.manage', channelFields, async (input, { db, user, invalid }) => {
  const errors = await takenErrors(db, input);
  if (Object.keys(errors).length) return invalid(errors);
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as typeof db;
      const row = await insertChannel(t, input);
      await recordAudit(t, user, { action: 'news_channel.create', entityType: 'news_channel', entityId: row.id, after: { name: row.name, slug: row.slug } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: '该栏目网址已被使用' });
    throw error;
  }
  await refresh();
  return { ok: true };
});

export const renameChannel = guardedAction('settings.manage', channelFields.extend({ id }), async (input, { db, user, invalid }) => {
  const before = await findChannel(db, input.id);
  if (!before) return { message: '栏目不存在，请刷新页面。' };
  const errors = await takenErrors(db, input, input.id);
  if (Object.keys(errors).length) return invalid(errors);
  const diff = changedFields({ name: before.name, slug: before.slug }, { name: input.name, slug: input.slug });
  if (Object.keys(diff.after).length === 0) return { ok: true };
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as typeof db;
      await updateChannel(t, input.id, { name: input.name, slug: input.slug });
      await recordAudit(t, user, { action: 'news_channel.update', entityType: 'news_channel', entityId: input.id, ...diff });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ slug: '该栏目网址已被使用' });
    throw error;
  }
  await refresh();
  return { ok: true };
});

export const moveChannelAction = guardedAction('settings.manage', z.object({ id, direction: z.enum(['up', 'down']) }), async (input, { db, user }) => {
  const moved = await moveChannel(db, input.id, input.direction);
  if (!moved) return { ok: true };
  await recordAudit(db, user, { action: 'news_channel.reorder', entityType: 'news_channel', entityId: input.id, note: input.direction === 'up' ? '上移' : '下移' });
  await refresh();
  return { ok: true };
});

export const deleteChannelAction = guardedAction(
  'settings.manage',
  z.object({ id, confirm: z.literal('yes', { error: '请先勾选“确认删除”' }) }),
  async (input, { db, user }) => {
    const result = await deleteChannel(db, input.id);
    if (!result) return { message: '栏目不存在，请刷新页面。' };
    if (!result.ok) return { message: `该栏目下有 ${result.articles} 篇文章，不能删除。请先把文章移到其他栏目。` };
    await recordAudit(db, user, { action: 'news_channel.delete', entityType: 'news_channel', entityId: input.id, before: result.channel });
    await refresh();
    return { ok: true };
  },
);
