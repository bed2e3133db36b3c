// Shared by the news actions: id schemas, the audit view of an article, cache refresh, checked snapshots and the one status change (workflow, review event and audit entry in one transaction).
import { createHash } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findMediaByKey } from '@/db/queries/media';
import { listChannels } from '@/db/queries/news';
import { lockArticleForReview, newsReviewParties, setArticleStatus, slugTaken, type ArticleForEdit } from '@/db/queries/news-admin';
import { recordReviewEvent } from '@/db/queries/workflow';
import type { ArticleSnapshot } from '@/db/schema';
import { articleFields, htmlToText, toSnapshot } from '@/lib/article-input';
import { INVALID_MESSAGE } from '@/server/actions';
import { recordAudit } from '@/server/audit';
import type { AuthUser } from '@/server/auth';
import { invalidateNews } from '@/server/cache/invalidate';
import { formatDateTime } from '@/lib/dates';
import { checkApproval, overrideNote, transition, type WorkflowAction } from '@/lib/workflow';
import type { ArticleActionState } from '@/app/(admin)/admin/news/types';

export const ENTITY = 'news_article';
export const MISSING = '文章不存在或已被删除。';
export const id = z.coerce.number().int().positive();
export const version = z.coerce.number().int().positive();

export const time = (at: Date) => formatDateTime(at).slice(11);

/** The body in the audit log: its length and a fingerprint (the text itself is kept in the revisions). */
export function auditView(s: ArticleSnapshot): Record<string, unknown> {
  const text = htmlToText(s.body);
  const hash = createHash('sha256').update(s.body).digest('hex').slice(0, 10);
  return { ...s, body: `正文${Array.from(text).length}字 #${hash}` };
}

export function refreshPages(articleId?: number) {
  revalidatePath('/admin/news');
  if (articleId) revalidatePath(`/admin/news/${articleId}`);
}

/** The cover image's alt text from the media library; false when the key is not in the library. */
export async function coverAlt(db: Db, key: string): Promise<string | null | false> {
  if (!key) return null;
  const media = await findMediaByKey(db, key);
  return media ? media.alt : false;
}

export async function channelNames(db: Db): Promise<(id: number) => string> {
  const channels = await listChannels(db);
  return (channelId) => channels.find((c) => c.id === channelId)?.name ?? `栏目${channelId}`;
}

/** The snapshot to store, or the field errors that only the database can tell (channel, slug, cover). */
export async function checkedSnapshot(db: Db, input: z.infer<typeof articleFields>, articleId: number | undefined, values: Record<string, string>): Promise<{ snapshot: ArticleSnapshot } | { refused: ArticleActionState }> {
  const errors: Record<string, string> = {};
  const channels = await listChannels(db);
  if (!channels.some((c) => c.id === input.channelId)) errors.channelId = '栏目不存在，请重新选择';
  if (input.slug && (await slugTaken(db, input.slug, articleId))) errors.slug = `网址别名“${input.slug}”已被其他文章使用，请换一个`;
  const alt = await coverAlt(db, input.coverImage);
  if (alt === false) errors.coverImage = '封面图已从媒体库删除，请重新选择';
  if (Object.keys(errors).length > 0) return { refused: { fieldErrors: errors, message: INVALID_MESSAGE, values } };
  return { snapshot: toSnapshot(input, alt === false ? null : alt) };
}

export const SLUG_TAKEN: Record<string, string> = { slug: '该网址别名刚被其他文章使用，请换一个' };

// ---------------------------------------------------------------------------------------- workflow

const AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  submit: 'news.submit',
  approve: 'news.approve',
  reject: 'news.reject',
  takeOffline: 'news.take_offline',
  forcePublish: 'news.force_publish',
};
/** An admin's approval of their own work, with a written reason (三审三校 overridden). */
const APPROVE_OVERRIDE = 'news.approve_override';

/** Refused inside the transaction: the approval is checked against the row as it is then. */
class Refused extends Error {}

/**
 * One status change: the rule check, the update, the review event and the audit entry together. An
 * approval is also checked against who wrote, last saved and submitted the version (三审三校); an
 * admin's written `overrideReason` lets their own approval through, marked as such in the audit log.
 */
export async function changeStatus(
  db: Db,
  user: AuthUser,
  article: { id: number; status: ArticleForEdit['status'] },
  action: WorkflowAction,
  options: { version?: number; reason?: string | null; publishAt?: Date | null; overrideReason?: string | null } = {},
): Promise<string | null> {
  const reason = options.reason?.trim() || null;
  const rule = transition(article.status, action, user.role, reason);
  if (!rule.ok) return rule.message;
  const publishAt = rule.to === 'published' ? (options.publishAt ?? new Date()) : null;
  let moved: boolean;
  try {
    moved = await db.transaction(async (t) => {
      let note = reason;
      let auditAction = AUDIT_ACTIONS[action];
      if (action === 'approve') {
        const row = await lockArticleForReview(t, article.id);
        if (!row || (options.version !== undefined && row.version !== options.version)) return false;
        const check = checkApproval(user, await newsReviewParties(t, { id: article.id, version: row.version, createdBy: row.createdBy }), options.overrideReason);
        if (!check.ok) throw new Refused(check.message);
        if (check.override) {
          note = overrideNote(check.override);
          auditAction = APPROVE_OVERRIDE;
        }
      }
      const ok = await setArticleStatus(t, article.id, { from: article.status, to: rule.to, version: options.version, publishedAt: publishAt, actorId: user.id });
      if (!ok) return false;
      await recordReviewEvent(t, { entityType: ENTITY, entityId: article.id, from: article.status, to: rule.to, actor: user, reason: note, publishAt: options.publishAt ?? null });
      await recordAudit(t, user, {
        action: auditAction,
        entityType: ENTITY,
        entityId: article.id,
        before: { status: article.status },
        after: { status: rule.to, ...(publishAt ? { publishedAt: publishAt.toISOString() } : {}) },
        note,
      });
      return true;
    });
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
  if (!moved) return '文章的状态或内容刚被他人更改，请刷新页面查看最新版本后再操作。';
  await invalidateNews(article.id);
  return null;
}
