// The fixed value sets of the domain, defined once: the database enums (db/schema), the forms, the
// public filters and the seed all read these tuples.

/** Staff roles, most powerful first. */
export const USER_ROLES = ['admin', 'reviewer', 'editor'] as const;
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
export const PRIVATE_FILE_PURPOSES = ['recommendation', 'objection'] as const;
