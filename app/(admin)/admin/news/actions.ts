'use server';

import { createHash } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { findMediaByKey } from '@/db/queries/media';
import { listChannels } from '@/db/queries/news';
import {
  createArticle,
  deleteAutosave,
  findArticleForEdit,
  findRevision,
  isUniqueViolation,
  saveArticleVersion,
  setArticleStatus,
  slugTaken,
  upsertAutosave,
  type ArticleForEdit,
  type SaveResult,
} from '@/db/queries/news-admin';
import { listOtherEditors, recordPresence } from '@/db/queries/presence';
import { recordReviewEvent } from '@/db/queries/workflow';
import type { ArticleSnapshot } from '@/db/schema';
import { articleFields, draftFields, draftToSnapshot, htmlToText, toSnapshot } from '@/lib/article-input';
import { guardedAction, type ActionState, INVALID_MESSAGE } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { currentUser, type AuthUser } from '@/server/auth';
import { invalidateNews } from '@/server/cache/invalidate';
import { formatDateTime } from '@/lib/dates';
import { diffSnapshots } from '@/lib/diff';
import { mediaUrl, pickVariant, isStorageKey } from '@/lib/media-url';
import { can } from '@/lib/roles';
import { transition, WORKFLOW, type WorkflowAction } from '@/lib/workflow';
import { editRefusal, parseCityDateTime } from './access';
import type { ArticleActionState, PresenceInfo } from './types';

const ENTITY = 'news_article';
const MISSING = '文章不存在或已被删除。';
const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();

const time = (at: Date) => formatDateTime(at).slice(11);

/** The body in the audit log: its length and a fingerprint (the text itself is kept in the revisions). */
function auditView(s: ArticleSnapshot): Record<string, unknown> {
  const text = htmlToText(s.body);
  const hash = createHash('sha256').update(s.body).digest('hex').slice(0, 10);
  return { ...s, body: `正文${Array.from(text).length}字 #${hash}` };
}

function refreshPages(articleId?: number) {
  revalidatePath('/admin/news');
  if (articleId) revalidatePath(`/admin/news/${articleId}`);
}

/** The cover image's alt text from the media library; false when the key is not in the library. */
async function coverAlt(db: Db, key: string): Promise<string | null | false> {
  if (!key) return null;
  const media = await findMediaByKey(db, key);
  return media ? media.alt : false;
}

async function channelNames(db: Db): Promise<(id: number) => string> {
  const channels = await listChannels(db);
  return (channelId) => channels.find((c) => c.id === channelId)?.name ?? `栏目${channelId}`;
}

/** The snapshot to store, or the field errors that only the database can tell (channel, slug, cover). */
async function checkedSnapshot(db: Db, input: z.infer<typeof articleFields>, articleId: number | undefined, values: Record<string, string>): Promise<{ snapshot: ArticleSnapshot } | { refused: ArticleActionState }> {
  const errors: Record<string, string> = {};
  const channels = await listChannels(db);
  if (!channels.some((c) => c.id === input.channelId)) errors.channelId = '栏目不存在，请重新选择';
  if (input.slug && (await slugTaken(db, input.slug, articleId))) errors.slug = `网址别名“${input.slug}”已被其他文章使用，请换一个`;
  const alt = await coverAlt(db, input.coverImage);
  if (alt === false) errors.coverImage = '封面图已从媒体库删除，请重新选择';
  if (Object.keys(errors).length > 0) return { refused: { fieldErrors: errors, message: INVALID_MESSAGE, values } };
  return { snapshot: toSnapshot(input, alt === false ? null : alt) };
}

const SLUG_TAKEN: ArticleActionState['fieldErrors'] = { slug: '该网址别名刚被其他文章使用，请换一个' };

// ------------------------------------------------------------------------------------ create / save

export const createNewsArticle = guardedAction('content.edit', articleFields, async (input, { db, user, values, invalid }) => {
  const checked = await checkedSnapshot(db, input, undefined, values);
  if ('refused' in checked) return checked.refused;
  const { snapshot } = checked;
  let created;
  try {
    created = await createArticle(db, snapshot, user, (tx, row) =>
      recordAudit(tx, user, { action: 'news.create', entityType: ENTITY, entityId: row.id, after: auditView(row.snapshot) }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return invalid(SLUG_TAKEN);
    throw error;
  }
  refreshPages();
  redirect(`/admin/news/${created.id}?created=1`);
});

const saveSchema = articleFields.extend({ id, version, intent: z.enum(['save', 'submit']).optional().default('save') });

function conflictState(result: Extract<SaveResult, { reason: 'conflict' }>, baseVersion: number, mine: ArticleSnapshot, names: (id: number) => string, values: Record<string, string>): ArticleActionState {
  const { savedBy } = result;
  return {
    message: `保存失败：此文章已被 ${savedBy.name} 于 ${time(savedBy.at)} 修改（版本 ${savedBy.version}）。您的内容仍在编辑框中；请先查看差异，再决定如何合并。`,
    values,
    conflict: {
      theirVersion: savedBy.version,
      baseVersion,
      savedByName: savedBy.name,
      savedAt: time(savedBy.at),
      diff: diffSnapshots(result.current, mine, names),
    },
  };
}

/** 保存 (and 提交审核): a versioned save; refused from a stale copy, with a diff of the two texts. */
export const saveNewsArticle = guardedAction('content.edit', saveSchema, async (input, { db, user, values, invalid, refuse }): Promise<ArticleActionState> => {
  const article = await findArticleForEdit(db, input.id);
  if (!article) return refuse(MISSING);
  const refusal = editRefusal(user, article);
  if (refusal) return refuse(refusal);
  const checked = await checkedSnapshot(db, input, input.id, values);
  if ('refused' in checked) return checked.refused;
  const { snapshot } = checked;
  if (input.intent === 'submit' && !htmlToText(snapshot.body)) return invalid({ body: '提交审核前请填写正文' });

  let result: SaveResult;
  try {
    result = await saveArticleVersion(db, input.id, input.version, snapshot, user, {
      refusal: (current) => editRefusal(user, { createdBy: article.createdBy, status: current.status }),
      onSaved: (tx, saved) => recordAudit(tx, user, { action: 'news.update', entityType: ENTITY, entityId: input.id, ...changedFields(auditView(saved.before), auditView(saved.after)), note: `版本 ${saved.version}` }),
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid(SLUG_TAKEN);
    throw error;
  }
  if (!result.ok) {
    if (result.reason === 'missing') return refuse(MISSING);
    if (result.reason === 'refused') return refuse(result.message);
    return conflictState(result, input.version, snapshot, await channelNames(db), values);
  }
  // A reviewer's edit of a published article is live at once.
  if (result.changed && result.status === 'published') await invalidateNews(input.id);

  if (input.intent === 'submit') {
    const refused = await changeStatus(db, user, { id: input.id, status: result.status }, 'submit', { version: result.version });
    refreshPages(input.id);
    if (refused) return { ok: true, version: result.version, message: `内容已保存（版本 ${result.version}），但未能提交审核：${refused}` };
    return { ok: true, version: result.version };
  }
  refreshPages(input.id);
  return { ok: true, version: result.version };
});

// ---------------------------------------------------------------------------------------- autosave

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

// ---------------------------------------------------------------------------------------- workflow

const AUDIT_ACTIONS: Record<WorkflowAction, string> = {
  submit: 'news.submit',
  approve: 'news.approve',
  reject: 'news.reject',
  takeOffline: 'news.take_offline',
  forcePublish: 'news.force_publish',
};

/** One status change: the rule check, the update, the review event and the audit entry together. */
async function changeStatus(
  db: Db,
  user: AuthUser,
  article: { id: number; status: ArticleForEdit['status'] },
  action: WorkflowAction,
  options: { version?: number; reason?: string | null; publishAt?: Date | null } = {},
): Promise<string | null> {
  const reason = options.reason?.trim() || null;
  const rule = transition(article.status, action, user.role, reason);
  if (!rule.ok) return rule.message;
  const publishAt = rule.to === 'published' ? (options.publishAt ?? new Date()) : null;
  const moved = await db.transaction(async (t) => {
    const ok = await setArticleStatus(t, article.id, { from: article.status, to: rule.to, version: options.version, publishedAt: publishAt, actorId: user.id });
    if (!ok) return false;
    await recordReviewEvent(t, { entityType: ENTITY, entityId: article.id, from: article.status, to: rule.to, actor: user, reason, publishAt: options.publishAt ?? null });
    await recordAudit(t, user, {
      action: AUDIT_ACTIONS[action],
      entityType: ENTITY,
      entityId: article.id,
      before: { status: article.status },
      after: { status: rule.to, ...(publishAt ? { publishedAt: publishAt.toISOString() } : {}) },
      note: reason,
    });
    return true;
  });
  if (!moved) return '文章的状态或内容刚被他人更改，请刷新页面查看最新版本后再操作。';
  await invalidateNews(article.id);
  return null;
}

const reviewSchema = z.object({
  id,
  version,
  action: z.enum(Object.keys(WORKFLOW) as [WorkflowAction, ...WorkflowAction[]]),
  reason: z.string().trim().max(500, '理由不超过500个字').optional(),
  publishAt: z.string().trim().optional(),
});

/** 提交审核, 审核通过并发布 (optionally at a later time), 退回修改, 下线, 强制发布. */
export const reviewNewsArticle = guardedAction('content.edit', reviewSchema, async (input, { db, user, invalid, refuse }): Promise<ArticleActionState> => {
  const article = await findArticleForEdit(db, input.id);
  if (!article) return refuse(MISSING);
  if (input.action === 'submit') {
    const refusal = editRefusal(user, article);
    if (refusal) return refuse(refusal);
    if (!htmlToText(article.body)) return refuse('正文为空，不能提交审核。请先填写正文并保存。');
  }
  if (article.version !== input.version) {
    return refuse(`文章已被修改（当前版本 ${article.version}，您看到的是版本 ${input.version}）。请刷新页面查看最新内容后再操作。`);
  }
  if (WORKFLOW[input.action].needsReason && !input.reason) return invalid({ reason: `请填写“${WORKFLOW[input.action].label}”的理由` });
  let publishAt: Date | null = null;
  if ((input.action === 'approve' || input.action === 'forcePublish') && input.publishAt) {
    publishAt = parseCityDateTime(input.publishAt);
    if (!publishAt) return invalid({ publishAt: '请填写有效的日期和时间' });
    if (publishAt.getTime() < Date.now() - 60_000) return invalid({ publishAt: '定时发布时间须晚于现在；立即发布请留空' });
  }
  const refused = await changeStatus(db, user, article, input.action, { version: input.version, reason: input.reason, publishAt });
  if (refused) return refuse(refused);
  refreshPages(input.id);
  // The page changes with the status (other buttons, read-only for editors): say what happened there.
  redirect(`/admin/news/${input.id}?done=${input.action}`);
});

// ----------------------------------------------------------------------------------------- restore

/** 恢复此版本: saves an old revision as a new version, through the same versioned save. */
export const restoreNewsRevision = guardedAction('content.edit', z.object({ id, version, revision: version }), async (input, { db, user }): Promise<ActionState> => {
  const article = await findArticleForEdit(db, input.id);
  if (!article) return { message: MISSING };
  const refusal = editRefusal(user, article);
  if (refusal) return { message: refusal };
  const revision = await findRevision(db, input.id, input.revision);
  if (!revision) return { message: `版本 ${input.revision} 不存在。` };
  let result: SaveResult;
  try {
    result = await saveArticleVersion(db, input.id, input.version, revision.snapshot, user, {
      refusal: (current) => editRefusal(user, { createdBy: article.createdBy, status: current.status }),
      note: `恢复自版本 ${input.revision}`,
      onSaved: (tx, saved) =>
        recordAudit(tx, user, { action: 'news.restore', entityType: ENTITY, entityId: input.id, ...changedFields(auditView(saved.before), auditView(saved.after)), note: `恢复自版本 ${input.revision}，新版本 ${saved.version}` }),
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { message: `版本 ${input.revision} 的网址别名“${revision.snapshot.slug}”已被其他文章使用，无法直接恢复。请在编辑页修改网址别名后保存。` };
    throw error;
  }
  if (!result.ok) {
    if (result.reason === 'missing') return { message: MISSING };
    if (result.reason === 'refused') return { message: result.message };
    return { message: `恢复失败：此文章已被 ${result.savedBy.name} 于 ${time(result.savedBy.at)} 修改（版本 ${result.savedBy.version}）。请刷新页面后再决定是否恢复。` };
  }
  if (!result.changed) return { message: `版本 ${input.revision} 与当前内容相同，无需恢复。` };
  if (result.status === 'published') await invalidateNews(input.id);
  refreshPages(input.id);
  revalidatePath(`/admin/news/${input.id}/history`);
  redirect(`/admin/news/${input.id}?restored=${input.revision}`);
});
