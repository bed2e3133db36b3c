// Who may change or look at which article: shared by the pages and the actions of the news area.
import type { ContentStatus, UserRole } from '@/lib/enums';
import { can } from '@/lib/roles';
import { EDITABLE_STATUSES, STATUS_LABELS } from '@/lib/workflow';

type Who = { id: number; role: UserRole };
type Article = { createdBy: number | null; status: ContentStatus };

/**
 * Editors change only their own articles, and only while these are drafts, rejected or offline;
 * reviewers and admins change any article in any status (a published one is updated live).
 * Answers why not, in words for the page, or null when the user may edit.
 */
export function editRefusal(user: Who, article: Article): string | null {
  if (can(user.role, 'content.review')) return null;
  if (article.createdBy !== user.id) return '这篇文章由其他编辑创建，您只能查看。如需修改，请联系作者或审核人员。';
  if (!EDITABLE_STATUSES.includes(article.status)) {
    return article.status === 'pending'
      ? '文章正在审核中（待审核），暂不能修改。如需修改，请联系审核人员退回。'
      : `文章${STATUS_LABELS[article.status]}，编辑不能直接修改已发布的内容。如需修改，请联系审核人员下线后再改。`;
  }
  return null;
}

/** Previews and the history: editors see only their own articles. */
export function mayView(user: Who, article: Article): boolean {
  return can(user.role, 'content.review') || article.createdBy === user.id;
}

/** datetime-local (city time, Asia/Shanghai) -> instant; null when empty or malformed. */
export function parseCityDateTime(value: string | undefined | null): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = new Date(`${value}:00+08:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The [id] of a route: a positive integer, else null (a 404). */
export function parseArticleId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}
