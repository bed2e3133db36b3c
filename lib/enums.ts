// The fixed value sets of the domain, defined once: the database enums (db/schema), the forms, the
// public filters and the seed all read these tuples.

/** Staff roles, most powerful first; 'unit' is a 单位经办人 bound to one 责任单位 (users.unit_id). */
export const USER_ROLES = ['admin', 'reviewer', 'editor', 'unit'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Review workflow shared by all content kinds: 草稿 -> 待审核 -> 已发布 / 已退回 -> 已下线. */
export const CONTENT_STATUSES = ['draft', 'pending', 'published', 'rejected', 'offline'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

// 好人榜
export const GOOD_PERSON_CATEGORIES = ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲'] as const;
export type GoodPersonCategory = (typeof GOOD_PERSON_CATEGORIES)[number];
export const GOOD_PERSON_LEVELS = ['身边好人', '市级好人', '道德模范'] as const;
export type GoodPersonLevel = (typeof GOOD_PERSON_LEVELS)[number];
export const GENDERS = ['男', '女'] as const;
export const RECOMMENDATION_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

// 诚信红黑榜
export const CREDIT_LISTS = ['red', 'black'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];
export const CREDIT_LIST_LABELS: Record<CreditList, string> = { red: '守信红榜', black: '失信黑榜' };
/** The short names used in the editors' area, exports and messages. */
export const CREDIT_LIST_SHORT_LABELS: Record<CreditList, string> = { red: '红榜', black: '黑榜' };
export const SUBJECT_KINDS = ['法人企业', '个体工商户', '自然人', '机关事业单位/社会组织'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const CREDIT_ENTRY_STATUSES = ['public', 'removed', 'revoked'] as const;
export const NAME_MASKINGS = ['masked', 'full'] as const;
export type NameMasking = (typeof NAME_MASKINGS)[number];
export const OBJECTION_KINDS = ['objection', 'repair'] as const;
export const OBJECTION_STATUSES = ['submitted', 'verifying', 'passed', 'failed', 'completed'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

// Citizens' private attachments
export const PRIVATE_FILE_PURPOSES = ['recommendation', 'objection', 'issue'] as const;

// 问题整改台账 (随手拍, 督查, 测评, 12345 -> 责任单位 -> 销号)
export const UNIT_KINDS = ['市直部门', '街道/乡镇', '社区/村', '包联单位'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const ISSUE_SOURCES = ['随手拍', '督查', '测评', '12345'] as const;
export type IssueSource = (typeof ISSUE_SOURCES)[number];
/**
 * Stored states of an item. 退回改派 / 退回重办 / 重新打开 are events, not states (lib/ledger-workflow.ts);
 * 超期 is computed from the deadline and the calendar, never stored.
 */
export const ISSUE_STATUSES = ['pending', 'accepted', 'rejected', 'duplicate', 'assigned', 'fixing', 'planned', 'verifying', 'closed'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  pending: '待审核',
  accepted: '已受理',
  rejected: '不予受理',
  duplicate: '重复',
  assigned: '已交办',
  fixing: '整改中',
  planned: '纳入计划',
  verifying: '待核验',
  closed: '已销号',
};
/** The states citizens see on the public ledger (待审核, 不予受理 and 重复 stay private). */
export const PUBLIC_ISSUE_STATUSES = ['accepted', 'assigned', 'fixing', 'planned', 'verifying', 'closed'] as const satisfies readonly IssueStatus[];
export const ISSUE_EVENT_KINDS = ['report', 'accept', 'reject', 'duplicate', 'assign', 'return', 'start', 'plan', 'submit', 'close', 'redo', 'rate', 'reopen', 'publish_photo', 'support'] as const;
export type IssueEventKind = (typeof ISSUE_EVENT_KINDS)[number];
export const ISSUE_EVENT_LABELS: Record<IssueEventKind, string> = {
  report: '提交',
  accept: '受理',
  reject: '不予受理',
  duplicate: '标记重复',
  assign: '交办',
  return: '退回改派',
  start: '开始整改',
  plan: '纳入计划',
  submit: '提交核验',
  close: '销号',
  redo: '退回重办',
  rate: '评价',
  reopen: '重新打开',
  publish_photo: '公开照片',
  support: '我也遇到',
};
export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];
export const ISSUE_PHOTO_STAGES = ['before', 'after'] as const;
export type IssuePhotoStage = (typeof ISSUE_PHOTO_STAGES)[number];
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
