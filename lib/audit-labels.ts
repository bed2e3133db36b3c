// Chinese names for the audit log's codes (actions, record types, field names); unknown codes show as is.
// Site-wide codes are named here; each content domain names its own in its declaration (lib/domains).
import { DOMAINS } from './domains';

const SITE_ACTIONS: Record<string, string> = {
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
};

const SITE_ENTITIES: Record<string, string> = {
  user: '用户',
  setting: '站点设置',
  media: '图片',
  audit_log: '审计日志',
};

const SITE_FIELDS: Record<string, string> = {
  siteName: '网站名称',
  city: '城市',
  organizer: '主办单位',
  contact: '联系方式',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  publicSecurity: '公网安备号',
  errorReportUrl: '找错链接',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  disabled: '已停用',
  alt: '图片说明',
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
};

export const ACTION_LABELS: Record<string, string> = Object.assign({}, SITE_ACTIONS, ...DOMAINS.map((d) => d.audit.actions));
export const ENTITY_LABELS: Record<string, string> = Object.assign({}, SITE_ENTITIES, ...DOMAINS.map((d) => d.audit.entities));
export const FIELD_LABELS: Record<string, string> = Object.assign({}, SITE_FIELDS, ...DOMAINS.map((d) => d.audit.fields));

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
