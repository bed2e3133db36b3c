// The life of a ledger item (问题整改台账): who may take which step from which state, the rules of the
// steps (退回改派 within 1 working day and at most twice, 提交核验 with an after-photo and a real note,
// rating within 7 days by the reporter only), and 超期, which is computed here and never stored.
import { visibleLength } from './visible-length';
import { ISSUE_STATUS_LABELS, type IssueEventKind, type IssueStatus, type Rating, type UserRole } from './enums';
import { can, type Permission } from './roles';
import { addWorkingDays, cityDayEnd, type CalendarDay } from './work-calendar';

/** The steps staff and units take through transition() (citizens' rating and 我也遇到 have their own functions). */
export const ISSUE_ACTIONS = ['accept', 'reject', 'duplicate', 'assign', 'return', 'start', 'plan', 'submit', 'close', 'redo'] as const satisfies readonly IssueEventKind[];
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/** Returns a unit may make before the reviewer's assignment is final. */
export const MAX_RETURNS = 2;
/** Working days after assignment during which the unit may return an item. */
export const RETURN_WINDOW_WORKING_DAYS = 1;
/** Visible characters a unit's submission note needs at least. */
export const SUBMIT_NOTE_MIN = 20;
/** Days after closure during which the reporter may rate. */
export const RATING_DAYS = 7;
/** "Due soon" on the dashboard: deadline within this many working days. */
export const DUE_SOON_WORKING_DAYS = 2;
/** Statuses in which an item is with its unit (the deadline runs). */
export const WITH_UNIT: readonly IssueStatus[] = ['assigned', 'fixing', 'planned'];

type Rule = {
  from: readonly IssueStatus[];
  to: IssueStatus;
  permission: Permission;
  label: string;
  /** Which note the step needs: the reporter's reason, the public note. */
  needs?: 'reporterNote' | 'publicNote';
};

export const ISSUE_WORKFLOW: Record<IssueAction, Rule> = {
  accept: { from: ['pending'], to: 'accepted', permission: 'ledger.manage', label: '受理' },
  reject: { from: ['pending'], to: 'rejected', permission: 'ledger.manage', label: '不予受理', needs: 'reporterNote' },
  duplicate: { from: ['pending'], to: 'duplicate', permission: 'ledger.manage', label: '标记为重复' },
  assign: { from: ['accepted'], to: 'assigned', permission: 'ledger.manage', label: '交办' },
  return: { from: ['assigned'], to: 'accepted', permission: 'ledger.unit', label: '退回改派', needs: 'publicNote' },
  start: { from: ['assigned'], to: 'fixing', permission: 'ledger.unit', label: '开始整改' },
  plan: { from: ['assigned', 'fixing'], to: 'planned', permission: 'ledger.unit', label: '纳入计划', needs: 'publicNote' },
  submit: { from: ['assigned', 'fixing', 'planned'], to: 'verifying', permission: 'ledger.unit', label: '提交核验' },
  close: { from: ['verifying'], to: 'closed', permission: 'ledger.manage', label: '销号' },
  redo: { from: ['verifying'], to: 'fixing', permission: 'ledger.manage', label: '退回重办', needs: 'publicNote' },
};

/** What the rules need to know about the item. */
export type IssueSnapshot = {
  status: IssueStatus;
  unitId: number | null;
  assignedAt: Date | null;
  returnCount: number;
};

export type IssueActor = { role: UserRole; unitId: number | null };

export type TransitionInput = {
  publicNote?: string | null;
  internalNote?: string | null;
  reporterNote?: string | null;
  /** assign: the unit. */
  unitId?: number | null;
  /** plan: the planned date (yyyy-mm-dd), not before today. */
  plannedDate?: string | null;
  /** duplicate: the original item exists (checked by the query). */
  duplicateOfId?: number | null;
  /** submit: after-photos sent with the step or already stored. */
  afterPhotos?: number;
};

export type TransitionCheck = { ok: true; to: IssueStatus } | { ok: false; message: string; field?: keyof TransitionInput };

const filled = (text: string | null | undefined) => Boolean(text && text.trim());

/** The last instant a unit may still return an item assigned at `assignedAt`. */
export function returnDeadline(assignedAt: Date, days: readonly CalendarDay[]): Date {
  return addWorkingDays(assignedAt, RETURN_WINDOW_WORKING_DAYS, days);
}

/**
 * Whether `actor` may take `action` on the item now, with this input. A unit handler acts only on its
 * own unit's items; the reviewer's assignment is final after MAX_RETURNS returns.
 */
export function checkTransition(item: IssueSnapshot, action: IssueAction, actor: IssueActor, input: TransitionInput, now: Date, days: readonly CalendarDay[]): TransitionCheck {
  const rule = ISSUE_WORKFLOW[action];
  if (!can(actor.role, rule.permission)) return { ok: false, message: `您的角色不能执行“${rule.label}”。` };
  if (rule.permission === 'ledger.unit' && (actor.unitId === null || actor.unitId !== item.unitId)) return { ok: false, message: '该问题不属于您的单位。' };
  if (!rule.from.includes(item.status)) return { ok: false, message: `当前状态为“${ISSUE_STATUS_LABELS[item.status]}”，不能执行“${rule.label}”。请刷新页面查看最新状态。` };
  if (rule.needs === 'reporterNote' && !filled(input.reporterNote)) return { ok: false, field: 'reporterNote', message: '请填写告知反映人的理由' };
  if (rule.needs === 'publicNote' && !filled(input.publicNote)) return { ok: false, field: 'publicNote', message: `请填写${rule.label}的理由` };
  switch (action) {
    case 'duplicate':
      if (!input.duplicateOfId) return { ok: false, field: 'duplicateOfId', message: '请填写与之重复的原问题编号' };
      break;
    case 'assign':
      if (!input.unitId) return { ok: false, field: 'unitId', message: '请选择责任单位' };
      break;
    case 'return':
      if (item.returnCount >= MAX_RETURNS) return { ok: false, message: `已退回${MAX_RETURNS}次，本次交办为最终交办，不能再退回。` };
      if (!item.assignedAt || now > returnDeadline(item.assignedAt, days)) return { ok: false, message: `只能在交办后${RETURN_WINDOW_WORKING_DAYS}个工作日内退回改派，已超过期限。` };
      break;
    case 'plan':
      if (!input.plannedDate || !/^\d{4}-\d{2}-\d{2}$/.test(input.plannedDate)) return { ok: false, field: 'plannedDate', message: '请填写计划完成日期' };
      if (cityDayEnd(input.plannedDate) < now) return { ok: false, field: 'plannedDate', message: '计划完成日期不能早于今天' };
      break;
    case 'submit':
      if ((input.afterPhotos ?? 0) < 1) return { ok: false, field: 'afterPhotos', message: '请上传至少一张整改后照片' };
      if (visibleLength(input.publicNote?.trim() ?? '') < SUBMIT_NOTE_MIN) return { ok: false, field: 'publicNote', message: `整改情况说明至少${SUBMIT_NOTE_MIN}个字，请写明做了什么` };
      break;
  }
  return { ok: true, to: rule.to };
}

/** The steps an actor may take from a status (for showing only the buttons that can work). */
export function availableIssueActions(item: IssueSnapshot, actor: IssueActor, now: Date, days: readonly CalendarDay[]): IssueAction[] {
  const probe: TransitionInput = { publicNote: 'x'.repeat(SUBMIT_NOTE_MIN), reporterNote: 'x', unitId: 1, plannedDate: '9999-12-31', duplicateOfId: 1, afterPhotos: 1 };
  return ISSUE_ACTIONS.filter((action) => checkTransition(item, action, actor, probe, now, days).ok);
}

// ------------------------------------------------------------------------------------------ rating

export type RatingSnapshot = { status: IssueStatus; closedAt: Date | null; ratedAt: Date | null; reporterPhone: string | null };

export type RatingCheck = { ok: true; reopens: boolean } | { ok: false; message: string };

/** The last instant the reporter may rate an item closed at `closedAt`. */
export function ratingDeadline(closedAt: Date): Date {
  return new Date(closedAt.getTime() + RATING_DAYS * 86_400_000);
}

/**
 * The reporter's rating: only on a closed item, within 7 days of closure, once per closure, by the phone
 * the report was sent with (already normalised on both sides). 不满意 reopens the item.
 */
export function checkRating(item: RatingSnapshot, phone: string, rating: Rating, now: Date): RatingCheck {
  if (!item.reporterPhone || item.reporterPhone !== phone) return { ok: false, message: '受理编号与手机号不匹配，只有反映人可以评价。' };
  if (item.status !== 'closed' || !item.closedAt) return { ok: false, message: '问题销号后才能评价。' };
  if (now > ratingDeadline(item.closedAt)) return { ok: false, message: `评价须在销号后${RATING_DAYS}天内提交，已超过期限。` };
  if (item.ratedAt && item.ratedAt >= item.closedAt) return { ok: false, message: '您已评价过本次办理结果。' };
  return { ok: true, reopens: rating === '不满意' };
}

// ------------------------------------------------------------------------------------------ overdue

export type DeadlineSnapshot = {
  status: IssueStatus;
  deadlineAt: Date | null;
  plannedDate: string | null;
  submittedAt: Date | null;
  closedAt: Date | null;
};

/**
 * The deadline in force: an item taken into a plan (纳入计划) answers by the end of its planned date,
 * shown publicly, from then on; otherwise the assignment's deadline. (db/queries/ledger/overdue.ts is the
 * same rule in SQL.)
 */
export function effectiveDeadline(item: Pick<DeadlineSnapshot, 'deadlineAt' | 'plannedDate'>): Date | null {
  if (item.plannedDate) return cityDayEnd(item.plannedDate);
  return item.deadlineAt;
}

/**
 * 超期, computed and never stored: 'overdue' when an open item's deadline has passed (with its unit, or
 * submitted for verification only after the deadline), 'closed_late' when a closed item's last
 * submission came after its deadline, otherwise null.
 */
export function overdueState(item: DeadlineSnapshot, now: Date): 'overdue' | 'closed_late' | null {
  const deadline = effectiveDeadline(item);
  if (!deadline) return null;
  if (WITH_UNIT.includes(item.status)) return now > deadline ? 'overdue' : null;
  if (item.status === 'verifying') return item.submittedAt && item.submittedAt > deadline ? 'overdue' : null;
  if (item.status === 'closed') {
    const done = item.submittedAt ?? item.closedAt;
    return done && done > deadline ? 'closed_late' : null;
  }
  return null;
}

/** An open item past its deadline (the red 超期 badge). */
export function isOverdue(item: DeadlineSnapshot, now: Date): boolean {
  return overdueState(item, now) === 'overdue';
}

/** With its unit and due within DUE_SOON_WORKING_DAYS working days, not yet overdue. */
export function isDueSoon(item: DeadlineSnapshot, now: Date, days: readonly CalendarDay[]): boolean {
  const deadline = effectiveDeadline(item);
  if (!deadline || !WITH_UNIT.includes(item.status) || now > deadline) return false;
  return deadline <= addWorkingDays(now, DUE_SOON_WORKING_DAYS, days);
}
