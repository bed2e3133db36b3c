'use server';

// Restoring an earlier revision of an article as a new version.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { listChannels } from '@/db/queries/news';
import { findArticleForEdit, findRevision, isUniqueViolation, saveArticleVersion, type SaveResult } from '@/db/queries/news-admin';
import { guardedAction, type ActionState } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { invalidateNews } from '@/server/cache/invalidate';
import { editRefusal } from '@/app/(admin)/admin/news/access';
import { ENTITY, MISSING, auditView, coverAlt, id, refreshPages, time, version } from '@/app/(admin)/admin/news/action-helpers';

/** 恢复此版本: saves an old revision as a new version, through the same versioned save. */
export const restoreNewsRevision = guardedAction('content.edit', z.object({ id, version, revision: version }), async (input, { db, user }): Promise<ActionState> => {
  const article = await findArticleForEdit(db, input.id);
  if (!article) return { message: MISSING };
  const refusal = editRefusal(user, article);
  if (refusal) return { message: refusal };
  const revision = await findRevision(db, input.id, input.revision);
  if (!revision) return { message: `版本 ${input.revision} 不存在。` };
  // The same checks as a save: an old version may name a channel or a cover image deleted since.
  if (!(await listChannels(db)).some((c) => c.id === revision.snapshot.channelId)) {
    return { message: `版本 ${input.revision} 的栏目已被删除，无法直接恢复。请在编辑页选择栏目后保存。` };
  }
  if (revision.snapshot.coverImage && (await coverAlt(db, revision.snapshot.coverImage)) === false) {
    return { message: `版本 ${input.revision} 的封面图已从媒体库删除，无法直接恢复。请在编辑页重新选择封面图后保存。` };
  }
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
