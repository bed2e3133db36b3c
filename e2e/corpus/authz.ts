// The authorization matrix: every admin page, admin route handler and server action, with the
// permission it needs and what each role must get. e2e/security-authz.spec.ts walks it over HTTP;
// tests/unit/authz-corpus.test.ts fails when a page, route or action exists that is not listed here,
// or when a listed permission differs from the one in the source or from lib/roles.ts.
import type { Permission } from '../../lib/roles';

export type Role = 'anonymous' | 'editor' | 'reviewer' | 'admin' | 'unit' | 'disabled';
export type StaffRole = 'editor' | 'reviewer' | 'admin';
/** The roles of a signed-in account: the 创城办's staff and the 单位经办人 (`unit`, bound to one unit). */
export type AccountRole = StaffRole | 'unit';
export const ROLES: readonly Role[] = ['anonymous', 'editor', 'reviewer', 'admin', 'unit', 'disabled'];
export const STAFF: readonly StaffRole[] = ['editor', 'reviewer', 'admin'];
export const ACCOUNTS: readonly AccountRole[] = [...STAFF, 'unit'];

/**
 * Who holds each permission, written out again on purpose: a change to lib/roles.ts has to be made here
 * too (the unit test compares both), so widening a role is a deliberate, reviewed act.
 */
export const HOLDERS: Record<Permission, readonly AccountRole[]> = {
  'dashboard.view': ['editor', 'reviewer', 'admin', 'unit'],
  'content.edit': ['editor', 'reviewer', 'admin'],
  'content.review': ['reviewer', 'admin'],
  'content.forcePublish': ['admin'],
  'media.upload': ['editor', 'reviewer', 'admin'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.view': ['admin'],
  // A unit handler opens the ledger's list and item pages, scoped to their own unit's items.
  'ledger.view': ['editor', 'reviewer', 'admin', 'unit'],
  'ledger.enter': ['editor', 'reviewer', 'admin'],
  'ledger.manage': ['reviewer', 'admin'],
  // The 单位经办人's own permission: no editor, reviewer or admin holds it.
  'ledger.unit': ['unit'],
  'units.manage': ['admin'],
};

/** Records the dynamic routes are visited with; the spec finds or creates them before the matrix runs. */
export type Fixtures = {
  /** A seeded article (created by the seed, so by no editor). */
  article: number;
  creditBatch: number;
  creditEntry: number;
  /** A citizen's objection submitted by the spec (status 待审核), with one attachment. */
  objection: number;
  file: number;
  person: number;
  peopleBatch: number;
  /** A media-library image uploaded by the spec. */
  mediaKey: string;
  /** A published monthly 好人榜 (seeded). */
  publishedPeopleBatch: number;
  /** A published credit batch (seeded) and its version. */
  publishedCreditBatch: { id: number; version: number };
  /** A 责任单位 (seeded): the unit handler of the matrix is bound to it. */
  unit: number;
  /** A closed ledger item of that unit (seeded): no step but 评价 is possible on it. */
  closedIssue: string;
  /** A photo (its private original) of an item entered by the spec and assigned to that unit. */
  issuePhoto: number;
  /** A closed item of another unit (seeded), and a photo of an item the spec assigned to that other unit. */
  otherUnitIssue: string;
  otherUnitPhoto: number;
};

/**
 * What a 单位经办人 gets, said for every page, route and action (tests/unit/authz-corpus.test.ts refuses
 * an entry without it, or one that disagrees with lib/roles.ts):
 * - 'refused': outside the unit role's grant (dashboard.view, ledger.view, ledger.unit), answered as
 *   for any other role without the permission (403, or the guard's message);
 * - 'allowed': within the grant, about no unit's record;
 * - `{ otherUnit }`: within the grant, about one item: allowed on the unit's own item (the path or form
 *   of the record itself), and a 404 on the record of another unit given here, as if it did not exist.
 */
export type UnitAnswer<T> = 'refused' | 'allowed' | { otherUnit: (f: Fixtures) => T };

// ------------------------------------------------------------------------------------------- pages

export type PageCase = {
  /** The page's source file. */
  file: string;
  path: (f: Fixtures) => string;
  /** The permission given to requirePageUser in the page. */
  permission: Permission;
  /** The page's h1 for a role that may see it. */
  heading: RegExp;
  /** Staff roles the permission lets in but this record refuses (403), and why. */
  refusedAnyway?: { roles: readonly StaffRole[]; why: string };
  /** What a unit handler gets (`otherUnit`: the path of another unit's record). */
  unit: UnitAnswer<string>;
};

const A = 'app/(admin)/admin';
const OWN_ARTICLES_ONLY = { roles: ['editor'] as const, why: 'editors see previews and history of their own articles only (news/access.ts mayView)' };

export const PAGES: readonly PageCase[] = [
  { file: `${A}/page.tsx`, path: () => '/admin', permission: 'dashboard.view', heading: /工作台/, unit: 'allowed' },
  { file: `${A}/account/page.tsx`, path: () => '/admin/account', permission: 'dashboard.view', heading: /修改密码/, unit: 'allowed' },
  { file: `${A}/audit/page.tsx`, path: () => '/admin/audit', permission: 'audit.view', heading: /审计日志/, unit: 'refused' },
  { file: `${A}/users/page.tsx`, path: () => '/admin/users', permission: 'users.manage', heading: /用户管理/, unit: 'refused' },
  { file: `${A}/settings/page.tsx`, path: () => '/admin/settings', permission: 'settings.manage', heading: /站点设置/, unit: 'refused' },
  { file: `${A}/media/page.tsx`, path: () => '/admin/media', permission: 'media.upload', heading: /媒体库/, unit: 'refused' },
  { file: `${A}/news/page.tsx`, path: () => '/admin/news', permission: 'content.edit', heading: /文明动态/, unit: 'refused' },
  { file: `${A}/news/new/page.tsx`, path: () => '/admin/news/new', permission: 'content.edit', heading: /新建文章/, unit: 'refused' },
  { file: `${A}/news/channels/page.tsx`, path: () => '/admin/news/channels', permission: 'settings.manage', heading: /栏目管理/, unit: 'refused' },
  { file: `${A}/news/[id]/page.tsx`, path: (f) => `/admin/news/${f.article}`, permission: 'content.edit', heading: /编辑文章/, unit: 'refused' },
  { file: `${A}/news/[id]/history/page.tsx`, path: (f) => `/admin/news/${f.article}/history`, permission: 'content.edit', heading: /历史版本/, refusedAnyway: OWN_ARTICLES_ONLY, unit: 'refused' },
  { file: `${A}/news/[id]/preview/page.tsx`, path: (f) => `/admin/news/${f.article}/preview`, permission: 'content.edit', heading: /\S/, refusedAnyway: OWN_ARTICLES_ONLY, unit: 'refused' },
  { file: `${A}/good-people/page.tsx`, path: () => '/admin/good-people', permission: 'content.edit', heading: /好人榜/, unit: 'refused' },
  { file: `${A}/good-people/new/page.tsx`, path: () => '/admin/good-people/new', permission: 'content.edit', heading: /新建人物/, unit: 'refused' },
  { file: `${A}/good-people/[id]/page.tsx`, path: (f) => `/admin/good-people/${f.person}`, permission: 'content.edit', heading: /编辑人物/, unit: 'refused' },
  { file: `${A}/good-people/batches/page.tsx`, path: () => '/admin/good-people/batches', permission: 'content.edit', heading: /月度榜单/, unit: 'refused' },
  { file: `${A}/good-people/batches/[id]/page.tsx`, path: (f) => `/admin/good-people/batches/${f.peopleBatch}`, permission: 'content.edit', heading: /身边好人榜|榜/, unit: 'refused' },
  { file: `${A}/good-people/comments/page.tsx`, path: () => '/admin/good-people/comments', permission: 'content.edit', heading: /评论审核/, unit: 'refused' },
  { file: `${A}/good-people/recommendations/page.tsx`, path: () => '/admin/good-people/recommendations', permission: 'content.edit', heading: /市民推荐/, unit: 'refused' },
  { file: `${A}/credit/page.tsx`, path: () => '/admin/credit', permission: 'content.edit', heading: /诚信红黑榜/, unit: 'refused' },
  { file: `${A}/credit/batches/page.tsx`, path: () => '/admin/credit/batches', permission: 'content.edit', heading: /发布批次/, unit: 'refused' },
  { file: `${A}/credit/batches/[id]/page.tsx`, path: (f) => `/admin/credit/batches/${f.creditBatch}`, permission: 'content.edit', heading: /\S/, unit: 'refused' },
  { file: `${A}/credit/entries/new/page.tsx`, path: () => '/admin/credit/entries/new', permission: 'content.edit', heading: /新建条目/, unit: 'refused' },
  { file: `${A}/credit/entries/[id]/page.tsx`, path: (f) => `/admin/credit/entries/${f.creditEntry}`, permission: 'content.edit', heading: /\S/, unit: 'refused' },
  { file: `${A}/credit/import/page.tsx`, path: () => '/admin/credit/import', permission: 'content.edit', heading: /批量导入/, unit: 'refused' },
  { file: `${A}/credit/objections/page.tsx`, path: () => '/admin/credit/objections', permission: 'content.edit', heading: /异议申诉与信用修复/, unit: 'refused' },
  { file: `${A}/credit/objections/[id]/page.tsx`, path: (f) => `/admin/credit/objections/${f.objection}`, permission: 'content.edit', heading: /异议申诉|信用修复/, unit: 'refused' },
  { file: `${A}/ledger/page.tsx`, path: () => '/admin/ledger', permission: 'ledger.view', heading: /问题整改台账/, unit: 'allowed' },
  { file: `${A}/ledger/[no]/page.tsx`, path: (f) => `/admin/ledger/${f.closedIssue}`, permission: 'ledger.view', heading: /问题 ZG-\d{4}-\d{6}/, unit: { otherUnit: (f) => `/admin/ledger/${f.otherUnitIssue}` } },
  { file: `${A}/ledger/new/page.tsx`, path: () => '/admin/ledger/new', permission: 'ledger.enter', heading: /录入督查问题/, unit: 'refused' },
  { file: `${A}/ledger/import/page.tsx`, path: () => '/admin/ledger/import', permission: 'ledger.enter', heading: /批量导入督查问题/, unit: 'refused' },
  { file: `${A}/ledger/categories/page.tsx`, path: () => '/admin/ledger/categories', permission: 'units.manage', heading: /问题类别/, unit: 'refused' },
  { file: `${A}/ledger/calendar/page.tsx`, path: () => '/admin/ledger/calendar', permission: 'units.manage', heading: /工作日历/, unit: 'refused' },
  { file: `${A}/units/page.tsx`, path: () => '/admin/units', permission: 'units.manage', heading: /责任单位/, unit: 'refused' },
  { file: `${A}/units/[id]/page.tsx`, path: (f) => `/admin/units/${f.unit}`, permission: 'units.manage', heading: /编辑责任单位/, unit: 'refused' },
];

// ---------------------------------------------------------------------------------- route handlers

/** What a route handler answers a request with a session cookie that no longer counts (disabled user). */
export type SignedOutAnswer = 'login' | 401 | 403;

export type RouteCase = {
  file: string;
  path: (f: Fixtures) => string;
  permission: Permission;
  /** The content type an allowed role gets. */
  contentType: RegExp;
  /** A request whose session cookie is no longer valid (the proxy lets it through; the handler refuses). */
  signedOut: SignedOutAnswer;
  /** What a unit handler gets (`otherUnit`: the path of another unit's record). */
  unit: UnitAnswer<string>;
};

export const ROUTES: readonly RouteCase[] = [
  { file: `${A}/audit/export/route.ts`, path: () => '/admin/audit/export?action=authz.none', permission: 'audit.view', contentType: /text\/csv/, signedOut: 'login', unit: 'refused' },
  { file: `${A}/credit/export/route.ts`, path: () => '/admin/credit/export?format=csv&q=authz-none', permission: 'content.edit', contentType: /text\/csv/, signedOut: 'login', unit: 'refused' },
  { file: `${A}/credit/import/template/route.ts`, path: () => '/admin/credit/import/template', permission: 'content.edit', contentType: /text\/csv/, signedOut: 403, unit: 'refused' },
  { file: `${A}/files/[id]/route.ts`, path: (f) => `/admin/files/${f.file}`, permission: 'content.edit', contentType: /application\/pdf|image\/webp/, signedOut: 401, unit: 'refused' },
  { file: `${A}/ledger/import/template/route.ts`, path: () => '/admin/ledger/import/template', permission: 'ledger.enter', contentType: /text\/csv/, signedOut: 403, unit: 'refused' },
  { file: `${A}/ledger/photos/[id]/route.ts`, path: (f) => `/admin/ledger/photos/${f.issuePhoto}`, permission: 'ledger.view', contentType: /image\/webp/, signedOut: 401, unit: { otherUnit: (f) => `/admin/ledger/photos/${f.otherUnitPhoto}` } },
];

// ----------------------------------------------------------------------------------------- actions

export type FormAction = {
  kind: 'form';
  /** `file#exportedName`, as in the build's server-reference-manifest.json. */
  ref: string;
  /** guardedAction's permission; 'public' for citizenAction (rate-limited, no sign-in). */
  permission: Permission | 'public';
  /**
   * The form sent by every role: invalid on purpose, so an allowed role stops at validation (field
   * errors prove it got past the permission check) and nothing changes whoever is allowed.
   */
  probe?: (f: Fixtures) => Record<string, string>;
  /** What a unit handler gets (`otherUnit`: a complete, valid form about another unit's item). */
  unit: UnitAnswer<Record<string, string>>;
};

export type ArgsAction = {
  kind: 'args';
  ref: string;
  /** The permission the function checks itself (with currentUser() and can()). */
  permission: Permission;
  args: (f: Fixtures) => unknown[];
  allowed: (value: unknown) => boolean;
  refused: (value: unknown) => boolean;
  /** What a unit handler gets. */
  unit: 'refused' | 'allowed';
};

export type ActionCase = FormAction | ArgsAction;

const form = (ref: string, permission: Permission | 'public', unit: FormAction['unit'], probe?: FormAction['probe']): FormAction => ({ kind: 'form', ref, permission, unit, probe });
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

const PICKER_REFUSED = '登录已过期或没有权限，请重新登录后再选择图片。';

/** A unit handler's own step (提交核验), complete, on another unit's item: a 404, nothing stored. */
const UNIT_SUBMITS_OTHER_UNITS_ITEM: FormAction['unit'] = {
  otherUnit: (f) => ({ no: f.otherUnitIssue, action: 'submit', publicNote: '权限矩阵测试：整改情况说明不少于二十个字的测试文本。', internalNote: '', reporterNote: '' }),
};

export const ACTIONS: readonly ActionCase[] = [
  form(`${A}/account/actions.ts#changeOwnPassword`, 'dashboard.view', 'allowed'),
  // Without its confirmation field (scope=all-devices) the form is invalid: the probe signs nobody out.
  form(`${A}/account/actions.ts#signOutEverywhere`, 'dashboard.view', 'allowed'),
  form(`${A}/users/actions.ts#createUser`, 'users.manage', 'refused'),
  form(`${A}/users/actions.ts#updateUserProfile`, 'users.manage', 'refused'),
  form(`${A}/users/actions.ts#setUserDisabled`, 'users.manage', 'refused'),
  form(`${A}/users/actions.ts#resetUserPassword`, 'users.manage', 'refused'),
  form(`${A}/users/actions.ts#signOutUserEverywhere`, 'users.manage', 'refused'),
  form(`${A}/settings/actions.ts#updateSiteInfo`, 'settings.manage', 'refused'),
  form(`${A}/settings/actions.ts#updateCreditCategorySettings`, 'settings.manage', 'refused'),
  form(`${A}/settings/actions.ts#updateSensitiveWords`, 'settings.manage', 'refused'),
  form(`${A}/settings/actions.ts#updateHandlingTimes`, 'settings.manage', 'refused'),
  form(`${A}/media/actions.ts#uploadMedia`, 'media.upload', 'refused'),
  form(`${A}/media/actions.ts#updateMediaAltText`, 'media.upload', 'refused'),
  form(`${A}/media/actions.ts#deleteMediaAsset`, 'media.upload', 'refused'),
  {
    kind: 'args',
    ref: `${A}/media/actions.ts#listMediaForPicker`,
    permission: 'media.upload',
    args: () => [1],
    allowed: (v) => record(v).ok === true && Array.isArray(record(v).items),
    refused: (v) => record(v).ok === false && record(v).message === PICKER_REFUSED,
    unit: 'refused',
  },
  {
    kind: 'args',
    ref: `${A}/media/actions.ts#findMediaForPicker`,
    permission: 'media.upload',
    args: (f) => [f.mediaKey],
    allowed: (v) => typeof record(v).storageKey === 'string',
    refused: (v) => v === null,
    unit: 'refused',
  },
  form(`${A}/news/actions.ts#createNewsArticle`, 'content.edit', 'refused'),
  form(`${A}/news/actions.ts#saveNewsArticle`, 'content.edit', 'refused'),
  form(`${A}/news/editor-actions.ts#autosaveNewsArticle`, 'content.edit', 'refused'),
  form(`${A}/news/editor-actions.ts#discardNewsAutosave`, 'content.edit', 'refused'),
  form(`${A}/news/review-actions.ts#reviewNewsArticle`, 'content.edit', 'refused'),
  form(`${A}/news/[id]/history/actions.ts#restoreNewsRevision`, 'content.edit', 'refused'),
  {
    kind: 'args',
    ref: `${A}/news/editor-actions.ts#newsPresenceHeartbeat`,
    permission: 'content.edit',
    // Not a valid id: the answer still tells signed-in editors from signed-out visitors, and nothing is recorded.
    args: () => ['not-an-id'],
    allowed: (v) => record(v).signedOut === false,
    // Signed-out visitors are told so; a signed-in user without content.edit (a unit handler) hears of nobody.
    refused: (v) => record(v).signedOut === true || (record(v).signedOut === false && Array.isArray(record(v).others) && (record(v).others as unknown[]).length === 0),
    unit: 'refused',
  },
  {
    kind: 'args',
    ref: `${A}/news/editor-actions.ts#resolveBodyImage`,
    permission: 'content.edit',
    args: (f) => [f.mediaKey],
    allowed: (v) => typeof record(v).src === 'string',
    refused: (v) => v === null,
    unit: 'refused',
  },
  form(`${A}/news/channels/actions.ts#createChannel`, 'settings.manage', 'refused'),
  form(`${A}/news/channels/actions.ts#renameChannel`, 'settings.manage', 'refused'),
  form(`${A}/news/channels/actions.ts#moveChannelAction`, 'settings.manage', 'refused'),
  form(`${A}/news/channels/actions.ts#deleteChannelAction`, 'settings.manage', 'refused'),
  form(`${A}/good-people/actions.ts#createGoodPerson`, 'content.edit', 'refused'),
  form(`${A}/good-people/actions.ts#saveGoodPerson`, 'content.edit', 'refused'),
  form(`${A}/good-people/actions.ts#reviewGoodPerson`, 'content.edit', 'refused'),
  form(`${A}/good-people/batches/actions.ts#createPeopleBatch`, 'content.edit', 'refused'),
  form(`${A}/good-people/batches/actions.ts#updatePeopleBatch`, 'content.edit', 'refused'),
  form(`${A}/good-people/batches/actions.ts#addPersonToBatch`, 'content.edit', 'refused'),
  form(`${A}/good-people/batches/actions.ts#removePersonFromBatch`, 'content.edit', 'refused'),
  form(`${A}/good-people/batches/actions.ts#reviewPeopleBatch`, 'content.edit', 'refused'),
  form(`${A}/good-people/comments/actions.ts#moderatePeopleComment`, 'content.edit', 'refused'),
  form(`${A}/good-people/recommendations/actions.ts#acceptPeopleRecommendation`, 'content.edit', 'refused'),
  form(`${A}/good-people/recommendations/actions.ts#rejectPeopleRecommendation`, 'content.edit', 'refused'),
  form(`${A}/credit/entries/actions.ts#createCreditEntryAction`, 'content.edit', 'refused'),
  form(`${A}/credit/entries/actions.ts#saveCreditEntry`, 'content.edit', 'refused'),
  form(`${A}/credit/entries/actions.ts#changeCreditEntryStatus`, 'content.review', 'refused'),
  form(`${A}/credit/batches/actions.ts#createCreditBatch`, 'content.edit', 'refused'),
  form(`${A}/credit/batches/actions.ts#reviewCreditBatch`, 'content.edit', 'refused'),
  form(`${A}/credit/import/actions.ts#previewCreditImport`, 'content.edit', 'refused'),
  form(`${A}/credit/import/actions.ts#confirmCreditImport`, 'content.edit', 'refused'),
  form(`${A}/credit/objections/actions.ts#moveCreditObjection`, 'content.edit', 'refused'),
  form(`${A}/ledger/actions.ts#bulkAssignIssues`, 'ledger.manage', 'refused'),
  // Every staff role and unit handlers pass the guard; lib/ledger-workflow decides the step by role (DECISIONS).
  form(`${A}/ledger/[no]/actions.ts#transitionIssue`, 'ledger.view', UNIT_SUBMITS_OTHER_UNITS_ITEM),
  form(`${A}/ledger/[no]/actions.ts#publishIssuePhoto`, 'ledger.manage', 'refused'),
  form(`${A}/ledger/new/actions.ts#createStaffIssue`, 'ledger.enter', 'refused'),
  // Without a file (or a kept file's token) the preview answers with a field error and keeps nothing.
  form(`${A}/ledger/import/actions.ts#previewIssueImport`, 'ledger.enter', 'refused'),
  form(`${A}/ledger/import/actions.ts#confirmIssueImport`, 'ledger.enter', 'refused'),
  form(`${A}/ledger/categories/actions.ts#saveCategory`, 'units.manage', 'refused'),
  form(`${A}/ledger/calendar/actions.ts#saveCalendarYear`, 'units.manage', 'refused'),
  form(`${A}/units/actions.ts#createUnit`, 'units.manage', 'refused'),
  form(`${A}/units/actions.ts#updateUnit`, 'units.manage', 'refused'),
  form('app/(public)/good-people/actions.ts#likeAction', 'public', 'allowed'),
  form('app/(public)/good-people/actions.ts#commentAction', 'public', 'allowed'),
  form('app/(public)/good-people/actions.ts#reportAction', 'public', 'allowed'),
  form('app/(public)/good-people/actions.ts#recommendAction', 'public', 'allowed'),
  form('app/(public)/good-people/actions.ts#statusLookupAction', 'public', 'allowed'),
  form('app/(public)/credit/objection/actions.ts#submitObjection', 'public', 'allowed'),
  form('app/(public)/credit/objection/actions.ts#lookupObjectionStatus', 'public', 'allowed'),
  form('app/(public)/snap/actions.ts#reportAction', 'public', 'allowed'),
  form('app/(public)/snap/actions.ts#supportAction', 'public', 'allowed'),
  form('app/(public)/snap/actions.ts#snapStatusAction', 'public', 'allowed'),
  form('app/(public)/snap/actions.ts#rateAction', 'public', 'allowed'),
];

// ------------------------------------------------------------------------------ workflow decisions

/**
 * Decisions that need more than the action's permission: the guard lets every editor in, and the
 * workflow (lib/workflow.ts, lib/objection-workflow.ts, the access helpers) refuses by role. Each case
 * targets a record in a state where the step is impossible anyway, so an allowed role is answered
 * with the state message and nothing changes for anyone. Between them, `refused` and `allowed` name
 * every role the action's guard lets in (the unit handler too, where it holds the permission).
 */
export type DecisionCase = {
  ref: string;
  label: string;
  fields: (f: Fixtures) => Record<string, string>;
  refused: { roles: readonly AccountRole[]; message: RegExp };
  allowed: { roles: readonly AccountRole[]; message: RegExp };
};

export const DECISIONS: readonly DecisionCase[] = [
  {
    ref: `${A}/good-people/batches/actions.ts#reviewPeopleBatch`,
    label: 'approve a monthly 好人榜',
    fields: (f) => ({ id: String(f.publishedPeopleBatch), action: 'approve' }),
    refused: { roles: ['editor'], message: /您的角色不能执行“审核通过并发布”/ },
    allowed: { roles: ['reviewer', 'admin'], message: /当前状态为“已发布”，不能执行“审核通过并发布”/ },
  },
  {
    ref: `${A}/good-people/batches/actions.ts#reviewPeopleBatch`,
    label: 'take a monthly 好人榜 offline',
    fields: (f) => ({ id: String(f.peopleBatch), action: 'takeOffline', reason: '权限矩阵测试' }),
    refused: { roles: ['editor'], message: /您的角色不能执行“下线”/ },
    allowed: { roles: ['reviewer', 'admin'], message: /当前状态为“(草稿|待审核|已退回|已下线)”，不能执行“下线”/ },
  },
  {
    ref: `${A}/credit/batches/actions.ts#reviewCreditBatch`,
    label: 'approve a credit batch',
    fields: (f) => ({ id: String(f.publishedCreditBatch.id), version: String(f.publishedCreditBatch.version), action: 'approve' }),
    refused: { roles: ['editor'], message: /您的角色不能执行“审核通过并发布”/ },
    allowed: { roles: ['reviewer', 'admin'], message: /当前状态为“已发布”，不能执行“审核通过并发布”/ },
  },
  {
    ref: `${A}/credit/batches/actions.ts#reviewCreditBatch`,
    label: 'force-publish a credit batch',
    fields: (f) => ({ id: String(f.publishedCreditBatch.id), version: String(f.publishedCreditBatch.version), action: 'forcePublish', reason: '权限矩阵测试' }),
    refused: { roles: ['editor', 'reviewer'], message: /您的角色不能执行“强制发布”/ },
    allowed: { roles: ['admin'], message: /当前状态为“已发布”，不能执行“强制发布”/ },
  },
  {
    ref: `${A}/credit/objections/actions.ts#moveCreditObjection`,
    label: 'decide a citizen objection',
    fields: (f) => ({ id: String(f.objection), from: 'submitted', action: 'pass', note: '权限矩阵测试' }),
    refused: { roles: ['editor'], message: /您的角色不能执行“核实通过”/ },
    allowed: { roles: ['reviewer', 'admin'], message: /当前状态为“待审核”，不能执行“核实通过”/ },
  },
  {
    ref: `${A}/ledger/[no]/actions.ts#transitionIssue`,
    label: 'cross off (销号) a ledger item',
    fields: (f) => ({ no: f.closedIssue, action: 'close', publicNote: '权限矩阵测试', internalNote: '', reporterNote: '' }),
    refused: { roles: ['editor', 'unit'], message: /您的角色不能执行“销号”/ },
    allowed: { roles: ['reviewer', 'admin'], message: /当前状态为“已销号”，不能执行“销号”/ },
  },
  {
    ref: `${A}/ledger/[no]/actions.ts#transitionIssue`,
    label: "submit a ledger item for verification (a unit handler's step)",
    fields: (f) => ({ no: f.closedIssue, action: 'submit', publicNote: '权限矩阵测试：整改情况说明不少于二十个字的测试文本。', internalNote: '', reporterNote: '' }),
    refused: { roles: ['editor', 'reviewer', 'admin'], message: /您的角色不能执行“提交核验”/ },
    // The closed item is the handler's own unit's: only its state stands in the way.
    allowed: { roles: ['unit'], message: /当前状态为“已销号”，不能执行“提交核验”/ },
  },
  {
    ref: `${A}/news/[id]/history/actions.ts#restoreNewsRevision`,
    label: "restore a revision of another editor's article",
    fields: (f) => ({ id: String(f.article), version: '1', revision: '999999' }),
    refused: { roles: ['editor'], message: /这篇文章由其他编辑创建，您只能查看/ },
    allowed: { roles: ['reviewer', 'admin'], message: /版本 999999 不存在/ },
  },
];

/** The expected answer of a page for a role (for a unit handler: on their own unit's record). */
export function pageOutcome(page: PageCase, role: Role): 'allow' | 'login' | 'forbidden' {
  if (role === 'anonymous' || role === 'disabled') return 'login';
  if (role === 'unit') return page.unit === 'refused' ? 'forbidden' : 'allow';
  if (!HOLDERS[page.permission].includes(role)) return 'forbidden';
  return page.refusedAnyway?.roles.includes(role) ? 'forbidden' : 'allow';
}

/** Whether a role passes a route's or action's permission check (a unit handler: as its `unit` says). */
export function mayCall(call: { permission: Permission | 'public'; unit: UnitAnswer<unknown> }, role: Role): boolean {
  if (call.permission === 'public') return true;
  if (role === 'anonymous' || role === 'disabled') return false;
  if (role === 'unit') return call.unit !== 'refused';
  return HOLDERS[call.permission].includes(role);
}

/** The path or form of another unit's record, for entries that a unit handler may call on their own unit's. */
export function otherUnitOf<T>(answer: UnitAnswer<T>): ((f: Fixtures) => T) | null {
  return typeof answer === 'object' ? answer.otherUnit : null;
}
