// The staff side of 异议申诉 / 信用修复: 待审核 -> 待核实 -> 已通过 / 未通过 -> 已完成. Every step leaves a
// note the applicant reads on the status page; deciding needs a reviewer, and a decision needs words.
import type { ObjectionStatus, UserRole } from './enums';
import { OBJECTION_STATUS_LABELS } from './objection-status';
import { can, type Permission } from './roles';

export type ObjectionAction = 'accept' | 'pass' | 'fail' | 'complete';
/** What completing a passed objection does to the entry. */
export type ObjectionOutcome = 'modify' | 'remove';

type Rule = { from: readonly ObjectionStatus[]; to: ObjectionStatus; permission: Permission; needsNote: boolean; label: string };

export const OBJECTION_WORKFLOW: Record<ObjectionAction, Rule> = {
  accept: { from: ['submitted'], to: 'verifying', permission: 'content.edit', needsNote: false, label: '受理' },
  pass: { from: ['verifying'], to: 'passed', permission: 'content.review', needsNote: true, label: '核实通过' },
  fail: { from: ['verifying'], to: 'failed', permission: 'content.review', needsNote: true, label: '核实未通过' },
  complete: { from: ['passed', 'failed'], to: 'completed', permission: 'content.review', needsNote: true, label: '完成' },
};

export const OUTCOME_LABELS: Record<ObjectionOutcome, string> = { modify: '修改条目', remove: '移出名单（信用修复）' };

/** Queue order: what needs someone's attention first. */
export const OBJECTION_QUEUE_ORDER: readonly ObjectionStatus[] = ['submitted', 'verifying', 'passed', 'failed', 'completed'];

export type ObjectionTransition = { ok: true; to: ObjectionStatus } | { ok: false; message: string };

export function transitionObjection(
  from: ObjectionStatus,
  action: ObjectionAction,
  role: UserRole,
  note?: string | null,
  outcome?: ObjectionOutcome | null,
): ObjectionTransition {
  const rule = OBJECTION_WORKFLOW[action];
  if (!can(role, rule.permission)) return { ok: false, message: `您的角色不能执行“${rule.label}”。` };
  if (!rule.from.includes(from)) {
    return { ok: false, message: `当前状态为“${OBJECTION_STATUS_LABELS[from]}”，不能执行“${rule.label}”。请刷新页面查看最新状态。` };
  }
  if (rule.needsNote && !note?.trim()) return { ok: false, message: `“${rule.label}”须填写处理意见（申请人可在进度查询中看到）。` };
  if (action === 'complete' && from === 'passed' && !outcome) return { ok: false, message: '核实通过的申请须选择处理结果：修改条目或移出名单。' };
  if (action === 'complete' && from === 'failed' && outcome) return { ok: false, message: '未通过的申请不修改条目，请不要选择处理结果。' };
  return { ok: true, to: rule.to };
}

/** The steps a role may take from a status, for showing only the forms that will work. */
export function availableObjectionActions(from: ObjectionStatus, role: UserRole): ObjectionAction[] {
  return (Object.keys(OBJECTION_WORKFLOW) as ObjectionAction[]).filter((action) => {
    const rule = OBJECTION_WORKFLOW[action];
    return rule.from.includes(from) && can(role, rule.permission);
  });
}
