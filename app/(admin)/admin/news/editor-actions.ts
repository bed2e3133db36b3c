'use server';

// The article editor's background calls: autosave, discard the autosave, presence heartbeat, and resolving a media-library image for the body.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findMediaByKey } from '@/db/queries/media';
import { deleteAutosave, findArticleForEdit, upsertAutosave } from '@/db/queries/news-admin';
import { listOtherEditors, recordPresence } from '@/db/queries/presence';
import { draftFields, draftToSnapshot } from '@/lib/article-input';
import { guardedAction } from '@/server/actions';
import { currentUser } from '@/server/auth';
import { mediaUrl, pickVariant, isStorageKey } from '@/lib/media-url';
import { can } from '@/lib/roles';
import { editRefusal, mayView } from '@/app/(admin)/admin/news/access';
import type { ArticleActionState, PresenceInfo } from '@/app/(admin)/admin/news/types';
import { MISSING, id, time, version } from './action-helpers';

/** Every 15 s while the text changes: kept apart from the article, never over what is saved or live. */
export const autosaveNewsArticle = guardedAction('content.edit', draftFields.extend({ id, version }), async (input, { db, user }): Promise<ArticleActionState> => {
  const article = await findArticleForEdit(db, input.id);
  if (!article) return { message: MISSING };
  const refusal = editRefusal(user, article);
  if (refusal) return { message: refusal };
  await upsertAutosave(db, input.id, user.id, input.version, draftToSnapshot(input, article.channelId));
  return { ok: true, savedAt: time(new Date()) };
});

export const discardNewsAutosave = guardedAction('content.edit', z.object({ id }), async (input, { db, user }) => {
  await deleteAutosave(db, input.id, user.id);
  return { ok: true };
});

// ---------------------------------------------------------------------------------------- presence

export type PresenceResult = { signedOut: true } | { signedOut: false; others: PresenceInfo[] };

/** The editor's heartbeat (every 20 s): records this user, answers who else has the article open. */
export async function newsPresenceHeartbeat(articleId: number): Promise<PresenceResult> {
  const user = await currentUser();
  if (!user) return { signedOut: true };
  const parsed = id.safeParse(articleId);
  if (!parsed.success || !can(user.role, 'content.edit')) return { signedOut: false, others: [] };
  const db = await getDb();
  // Only those who may open the article hear who else is editing it (editors: their own articles).
  const article = await findArticleForEdit(db, parsed.data);
  if (!article || !mayView(user, article)) return { signedOut: false, others: [] };
  await recordPresence(db, 'news', parsed.data, user);
  const others = await listOtherEditors(db, 'news', parsed.data, user.id);
  return { signedOut: false, others: others.map((o) => ({ name: o.userName, at: time(o.seenAt) })) };
}

// ------------------------------------------------------------------------------------ body images

export type BodyImage = { src: string; alt: string; width: number | null; height: number | null };

/** The body-sized (800 px, or the largest smaller) WebP of a library image, for the editor's 插入图片. */
export async function resolveBodyImage(storageKey: string): Promise<BodyImage | null> {
  const user = await currentUser();
  if (!user || !can(user.role, 'content.edit') || typeof storageKey !== 'string' || !isStorageKey(storageKey)) return null;
  const media = await findMediaByKey(await getDb(), storageKey);
  if (!media) return null;
  const variant = pickVariant(media.variants, 800);
  const width = variant && variant.width > 800 ? null : (variant?.width ?? null);
  return { src: mediaUrl(media.storageKey, variant?.width ?? 800), alt: media.alt, width, height: width ? (variant?.height ?? null) : null };
}
