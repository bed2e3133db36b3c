// The review workflow shared by every content kind (先审查后公开):
// 草稿 -> 待审核 -> 已发布 / 已退回 (with the reviewer's reason) -> 已下线.
import type { ContentStatus, UserRole } from './enums';
import { can, type Permission } from './roles';

export const STATUS_LABELS: Record<ContentStatus, string> = {
  draft: '草稿',
  pending: '待审核',
  published: '已发布',
  rejected: '已退回',
  offline: '已下线',
};

export type WorkflowAction = 'submit' | 'approve' | 'reject' | 'takeOffline' | 'forcePublish';

type Rule = { from: readonly ContentStatus[]; to: ContentStatus; permission: Permission; needsReason: boolean; label: string };

export const WORKFLOW: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft', 'rejected', 'offline'], to: 'pending', permission: 'content.edit', needsReason: false, label: '提交审核' },
  approve: { from: ['pending'], to: 'published', permission: 'content.review', needsReason: false, label: '审核通过并发布' },
  reject: { from: ['pending'], to: 'rejected', permission: 'content.review', needsReason: true, label: '退回修改' },
  takeOffline: { from: ['published'], to: 'offline', permission: 'content.review', needsReason: true, label: '下线' },
  // Publishing without a reviewer is an admin's exception, and its written reason is logged.
  forcePublish: { from: ['draft', 'rejected', 'pending', 'offline'], to: 'published', permission: 'content.forcePublish', needsReason: true, label: '强制发布' },
};

/**
 * Statuses in which editors may still change an item and (re)submit it: 草稿, 已退回, 已下线. News
 * articles, 好人 and 好人榜 batches use this set; a reviewer changes published items live.
 */
export const EDITABLE_STATUSES: readonly ContentStatus[] = WORKFLOW.submit.from;

/**
 * Credit batches that may still gain or lose entries: 草稿 and 已退回 only. A withdrawn (已下线) list
 * stays as it was published, since its entries were public; a new batch carries corrections.
 */
export const BATCH_OPEN_FOR_ENTRIES: readonly ContentStatus[] = ['draft', 'rejected'];

export type TransitionResult = { ok: true; to: ContentStatus } | { ok: false; message: string };

export function transition(from: ContentStatus, action: WorkflowAction, role: UserRole, reason?: string | null): TransitionResult {
  const rule = WORKFLOW[action];
  if (!can(role, rule.permission)) return { ok: false, message: `您的角色不能执行“${rule.label}”。` };
  if (!rule.from.includes(from)) return { ok: false, message: `当前状态为“${STATUS_LABELS[from]}”，不能执行“${rule.label}”。请刷新页面查看最新状态。` };
  if (rule.needsReason && !reason?.trim()) return { ok: false, message: `“${rule.label}”须填写理由。` };
  return { ok: true, to: rule.to };
}

/** The actions a role may take from a status, for showing only the buttons that will work. */
export function availableActions(from: ContentStatus, role: UserRole): WorkflowAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[]).filter((action) => transition(from, action, role, 'x').ok);
}
