'use server';

// News article actions: create and save a new version (optionally submitting it). Each checks the role and the article's access rule, validates with lib/article-input.ts, writes with its audit entry in one transaction and expires the public pages' cache tags.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createArticle, findArticleForEdit, isUniqueViolation, saveArticleVersion, type SaveResult } from '@/db/queries/news-admin';
import type { ArticleSnapshot } from '@/db/schema';
import { articleFields, htmlToText } from '@/lib/article-input';
import { guardedAction } from '@/server/actions';
import { changedFields, recordAudit } from '@/server/audit';
import { invalidateNews } from '@/server/cache/invalidate';
import { diffSnapshots } from '@/lib/diff';
import { editRefusal } from '@/app/(admin)/admin/news/access';
import type { ArticleActionState } from '@/app/(admin)/admin/news/types';
import { ENTITY, MISSING, SLUG_TAKEN, auditView, changeStatus, channelNames, checkedSnapshot, id, refreshPages, time, version } from './action-helpers';

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
