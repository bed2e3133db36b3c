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

// ------------------------------------------------------------------ separation of duties (三审三校)

/**
 * Who took part in the version under review. Ids may be null where nobody is known (demo data,
 * imports): an unknown party refuses nobody. Batches name every last editor of their members.
 */
export type ReviewParties = {
  /** Who created the item (the author of an article or a 好人 profile, the creator of a credit batch). */
  authorId?: number | null;
  /** Who last changed the content under review: the item, its membership, or any item in the batch. */
  lastEditorIds?: readonly (number | null | undefined)[];
  /** Who submitted it for review this time. */
  submitterId?: number | null;
};

export type ReviewRole = 'author' | 'lastEditor' | 'submitter';

const ROLE_REASONS: Record<ReviewRole, string> = {
  author: '您是此内容的作者',
  lastEditor: '待审核的版本由您最后修改',
  submitter: '此次审核由您提交',
};

/** The first part the actor played in the version under review, or null when they took no part. */
export function reviewRoleOf(actorId: number, parties: ReviewParties): ReviewRole | null {
  if (parties.authorId === actorId) return 'author';
  if (parties.lastEditorIds?.includes(actorId)) return 'lastEditor';
  if (parties.submitterId === actorId) return 'submitter';
  return null;
}

export const OVERRIDE_LABEL = '越权审核理由';
export const OVERRIDE_REASON_MISSING = `请填写${OVERRIDE_LABEL}，说明为何须由您自行审核通过`;

/**
 * Why the actor may not approve (三审三校: whoever wrote, last changed or submitted a version may not
 * approve it), or null. The message says what to do instead; for an admin, that a written reason overrides.
 */
export function approvalRefusal(actor: { id: number; role: UserRole }, parties: ReviewParties): string | null {
  const role = reviewRoleOf(actor.id, parties);
  if (!role) return null;
  const base = `${ROLE_REASONS[role]}，按“三审三校”不能由您审核通过，请由其他审核人员审核。`;
  return can(actor.role, 'content.forcePublish') ? `${base}管理员确需自行审核时，须填写${OVERRIDE_LABEL}，理由记入审计日志。` : base;
}

export type ApprovalCheck =
  | { ok: true; override: null }
  /** An admin approves their own work with a written reason: the caller records it in the audit log. */
  | { ok: true; override: { reason: string; role: ReviewRole } }
  | { ok: false; message: string; needsOverrideReason: boolean };

/**
 * The separation-of-duties check of an approval. Only a role allowed to publish without a reviewer
 * (admins) may override it, and only with a written reason; anyone else is refused with the reason.
 */
export function checkApproval(actor: { id: number; role: UserRole }, parties: ReviewParties, overrideReason?: string | null): ApprovalCheck {
  const role = reviewRoleOf(actor.id, parties);
  if (!role) return { ok: true, override: null };
  const message = approvalRefusal(actor, parties)!;
  if (!can(actor.role, 'content.forcePublish')) return { ok: false, message, needsOverrideReason: false };
  const reason = overrideReason?.trim();
  if (!reason) return { ok: false, message, needsOverrideReason: true };
  return { ok: true, override: { reason, role } };
}

/** The note kept with an overridden approval (review trail and audit log). */
export function overrideNote(override: { reason: string; role: ReviewRole }): string {
  return `越权审核（${ROLE_REASONS[override.role]}）：${override.reason}`;
}
