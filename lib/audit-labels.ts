// The audit log in Chinese: names of actions, record types and fields, and how stored values read (coded
// values by name, ids by the record's name, times in city time, lists as lists). Site-wide codes are named
// here; each content domain names its own in its declaration (lib/domains, `audit`). Unknown codes show as is.
import { DOMAINS, type AuditLabels, type AuditRef, type AuditValueFormat } from './domains';
import { formatDateTime } from './dates';
import { ROLE_LABELS } from './roles';
import { STATUS_LABELS } from './workflow';

const SITE: AuditLabels = {
  actions: {
    signin: '登录',
    'signin.failed': '登录失败',
    'signin.refused': '登录被拒绝',
    'user.create': '新建用户',
    'user.update': '修改用户',
    'user.disable': '停用用户',
    'user.enable': '启用用户',
    'user.password_reset': '重置密码',
    'user.password_change': '修改密码',
    'user.password_change_failed': '修改密码失败（当前密码错误）',
    'user.password_change_refused': '修改密码被拒绝（已锁定）',
    'user.signout_all': '退出所有设备',
    'settings.update': '修改站点设置',
    'media.upload': '上传图片',
    'media.update_alt': '修改图片说明',
    'media.delete': '删除图片',
    'audit.export': '导出审计日志',
    signout: '退出登录',
  },
  entities: {
    user: '用户',
    setting: '站点设置',
    media: '图片',
    audit_log: '审计日志',
  },
  fields: {
    siteName: '网站名称',
    city: '城市',
    organizer: '主办单位',
    contact: '联系方式',
    siteCode: '网站标识码',
    icp: 'ICP备案号',
    publicSecurity: '公网安备号',
    errorReportUrl: '找错链接',
    recommendationDays: '好人推荐核实时限（工作日）',
    objectionDays: '异议申诉办理时限（工作日）',
    repairDays: '信用修复办理时限（工作日）',
    username: '用户名',
    displayName: '姓名',
    role: '角色',
    disabled: '已停用',
    storageKey: '图片',
    originalName: '原文件名',
    alt: '图片说明',
    format: '原图格式',
    width: '宽度（像素）',
    height: '高度（像素）',
    bytes: '原图大小',
    from: '来源',
    // shared by several kinds
    list: '名单',
    name: '名称',
    reason: '事由',
    status: '状态',
    title: '标题',
    publishedAt: '发布时间',
    rows: '文件行数',
    category: '类别',
    trackingNo: '受理编号',
    entryId: '信用信息编号',
    kind: '申请类型',
  },
  values: {
    status: { codes: STATUS_LABELS },
    role: { codes: ROLE_LABELS },
    publishedAt: 'time',
    storageKey: { ref: 'media_key' },
    bytes: 'bytes',
  },
  refs: { user: 'user', media: 'media' },
};

const ALL: readonly AuditLabels[] = [SITE, ...DOMAINS.map((d) => d.audit)];

export const ACTION_LABELS: Record<string, string> = Object.assign({}, ...ALL.map((l) => l.actions));
export const ENTITY_LABELS: Record<string, string> = Object.assign({}, ...ALL.map((l) => l.entities));
/** Every field name, plain and `entity.field` (fieldLabel picks the record type's own first). */
export const FIELD_LABELS: Record<string, string> = Object.assign({}, ...ALL.map((l) => l.fields));

/** The vocabularies to look in for a record type: its own domain's first, then the site's, then all. */
function vocabulariesOf(entityType: string | undefined): readonly AuditLabels[] {
  const own = entityType ? ALL.find((l) => entityType in l.entities) : undefined;
  return own ? [own, SITE, ...ALL.filter((l) => l !== own && l !== SITE)] : ALL;
}

function lookup<T>(entityType: string | undefined, field: string, pick: (l: AuditLabels) => Readonly<Record<string, T>> | undefined): T | undefined {
  const vocabularies = vocabulariesOf(entityType);
  if (entityType) {
    for (const l of vocabularies) {
      const hit = pick(l)?.[`${entityType}.${field}`];
      if (hit !== undefined) return hit;
    }
  }
  for (const l of vocabularies) {
    const hit = pick(l)?.[field];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

/** A field's Chinese name as the record type uses it (好人's name is 姓名, an entry's is 名称). */
export function fieldLabel(field: string, entityType?: string): string {
  return lookup(entityType, field, (l) => l.fields) ?? field;
}

/** The record types for the 对象类型 filter, by Chinese name. */
export const ENTITY_OPTIONS: readonly { value: string; label: string }[] = Object.entries(ENTITY_LABELS)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN'));

// ------------------------------------------------------------------------------------------- values

/** Names of referenced records, by reference kind and id (as text): found by db/queries/audit.ts. */
export type AuditNames = Partial<Record<AuditRef, ReadonlyMap<string, string>>>;
export type AuditRefIds = Partial<Record<AuditRef, string[]>>;

type Entry = { entityType: string; entityId: string | null; before: unknown; after: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatOf(entityType: string, field: string): AuditValueFormat | undefined {
  return lookup(entityType, field, (l) => l.values);
}

/** The record an entry is about, when its type is one the log names by name. */
function entityRef(entityType: string): AuditRef | undefined {
  return vocabulariesOf(entityType).map((l) => l.refs?.[entityType]).find(Boolean);
}

/** Every id the given entries refer to (fields holding ids, and the records themselves), by kind. */
export function auditRefsOf(entries: readonly Entry[]): AuditRefIds {
  const wanted = new Map<AuditRef, Set<string>>();
  const want = (ref: AuditRef, value: unknown) => {
    for (const v of Array.isArray(value) ? value : [value]) {
      if ((typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && v !== '')) {
        if (!wanted.has(ref)) wanted.set(ref, new Set());
        wanted.get(ref)!.add(String(v));
      }
    }
  };
  for (const e of entries) {
    const own = entityRef(e.entityType);
    if (own && e.entityId) want(own, e.entityId);
    for (const side of [e.before, e.after]) {
      if (!isRecord(side)) continue;
      for (const [field, value] of Object.entries(side)) {
        const format = formatOf(e.entityType, field);
        if (format && typeof format === 'object' && 'ref' in format) want(format.ref, value);
      }
    }
  }
  return Object.fromEntries([...wanted].map(([ref, ids]) => [ref, [...ids]]));
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function bytesText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}

/** A value as the log shows it; arrays (tags, people) as Chinese lists. */
export function auditValueText(entityType: string, field: string, value: unknown, names: AuditNames = {}): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map((v) => auditValueText(entityType, field, v, names)).join('、');
  const format = formatOf(entityType, field);
  if (format === 'fields' && typeof value === 'string') return fieldLabel(value, entityType);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (format && typeof format === 'object') {
    if ('codes' in format) return format.codes[String(value)] ?? String(value);
    const name = names[format.ref]?.get(String(value));
    return name ?? `#${String(value)}${names[format.ref] ? '（已删除）' : ''}`;
  }
  if (format === 'bytes' && typeof value === 'number') return bytesText(value);
  if (typeof value === 'string' && (format === 'time' || ISO_TIME.test(value))) {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? value : formatDateTime(at);
  }
  if (typeof value === 'string') {
    const recommendation = /^recommendation (\d+)$/.exec(value);
    return recommendation ? `群众推荐（编号 ${recommendation[1]}）` : value;
  }
  if (isRecord(value)) return Object.entries(value).map(([k, v]) => `${fieldLabel(k, entityType)}：${auditValueText(entityType, k, v, names)}`).join('；');
  return String(value);
}

/** The 对象 column: the record type and the record's name where the log knows it, with its number. */
export function auditEntityText(entityType: string, entityId: string | null, names: AuditNames = {}): string {
  const label = entityLabel(entityType);
  if (!entityId) return label;
  const ref = entityRef(entityType);
  const name = ref ? names[ref]?.get(entityId) : undefined;
  if (entityType === 'setting') return `${label}：${SETTING_NAMES[entityId] ?? entityId}`;
  return name ? `${label}“${name}”（#${entityId}）` : `${label} #${entityId}`;
}

const SETTING_NAMES: Record<string, string> = { siteInfo: '网站信息', sensitiveWords: '敏感词表', handlingTimes: '办理时限' };

function fieldOrder(entityType: string): Map<string, number> {
  const order = new Map<string, number>();
  for (const l of vocabulariesOf(entityType)) for (const key of Object.keys(l.fields)) if (!order.has(key)) order.set(key, order.size);
  return order;
}

/** The changed fields of an entry, each with its old and new value in words. */
export function auditChanges(entry: Entry, names: AuditNames = {}): { field: string; label: string; before: string | null; after: string | null }[] {
  const was = isRecord(entry.before) ? entry.before : null;
  const now = isRecord(entry.after) ? entry.after : null;
  // In the order the record type's vocabulary names its fields (stored JSON keeps no order of its own).
  const order = fieldOrder(entry.entityType);
  const rank = (field: string) => order.get(`${entry.entityType}.${field}`) ?? order.get(field) ?? order.size;
  const fields = [...new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])].sort((a, b) => rank(a) - rank(b));
  return fields.map((field) => ({
    field,
    label: fieldLabel(field, entry.entityType),
    before: was ? auditValueText(entry.entityType, field, was[field], names) : null,
    after: now ? auditValueText(entry.entityType, field, now[field], names) : null,
  }));
}

// -------------------------------------------------------------------------------------------- notes

// Notes some entries were written with in English (older entries keep them): shown in Chinese.
const NOTES: Record<string, string> = {
  'locked (too many attempts)': '尝试次数过多，已锁定',
  'account disabled': '账号已停用',
  'own password changed; sessions ended': '本人修改了密码，其他设备上的登录已退出',
  'password reset by an administrator; sessions ended': '管理员重置了密码，该用户的所有登录已退出',
  'signed out on every device by the user': '本人退出了所有设备上的登录',
  'signed out on every device by an administrator': '管理员使该用户退出了所有设备上的登录',
  'wrong current password': '当前密码错误',
  'wrong current password; account locked': '当前密码错误，账号已锁定',
  'no filters': '无筛选条件',
};

const FILTER_NAMES: Record<string, string> = {
  actor: '操作人',
  action: '操作类型',
  entityType: '对象类型',
  entityId: '对象ID',
  from: '开始日期',
  to: '结束日期',
  list: '名单',
  category: '类别',
  batch: '批次',
  q: '关键词',
};

function filtersText(text: string): string {
  if (text === 'no filters') return NOTES[text]!;
  return text
    .split(' ')
    .map((pair) => {
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const shown = name === 'entityType' ? entityLabel(value) : name === 'action' ? actionLabel(value) : name === 'list' ? (({ red: '红榜', black: '黑榜' }) as Record<string, string>)[value] ?? value : value;
      return `${FILTER_NAMES[name!] ?? name}=${shown}`;
    })
    .join('，');
}

/** A note in Chinese: known English notes of older entries are translated, others shown as written. */
export function auditNoteText(note: string | null): string | null {
  if (!note) return note;
  if (NOTES[note]) return NOTES[note]!;
  const category = /^category (.+)$/.exec(note);
  if (category) return `类别：${category[1]}`;
  const filters = /^filters: (.+)$/.exec(note);
  if (filters) return `筛选条件：${filtersText(filters[1]!)}`;
  const exported = /^(csv|xlsx); (.+)$/.exec(note);
  if (exported) return `格式 ${exported[1]!.toUpperCase()}；${exported[2] === 'no filters' ? NOTES['no filters'] : `筛选条件：${filtersText(exported[2]!)}`}`;
  return note;
}
