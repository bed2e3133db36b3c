// Chinese names for the audit log's codes (actions, record types, field names); unknown codes show as is.

export const ACTION_LABELS: Record<string, string> = {
  signin: '登录',
  'signin.failed': '登录失败',
  'signin.refused': '登录被拒绝',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password_reset': '重置密码',
  'user.password_change': '修改密码',
  'settings.update': '修改站点设置',
  'credit_category.update': '修改公示期限',
  'media.upload': '上传图片',
  'media.update_alt': '修改图片说明',
  'media.delete': '删除图片',
  'audit.export': '导出审计日志',
  signout: '退出登录',
  'news.create': '新建文章',
  'news.update': '修改文章',
  'news.restore': '恢复文章版本',
  'news.submit': '提交审核',
  'news.approve': '审核通过并发布',
  'news.reject': '退回修改',
  'news.take_offline': '下线文章',
  'news.force_publish': '强制发布',
  'news_channel.create': '新建栏目',
  'news_channel.update': '修改栏目',
  'news_channel.reorder': '调整栏目顺序',
  'news_channel.delete': '删除栏目',
  // good-people actions (issue 5)
  // credit actions (issue 6)
};

export const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  setting: '站点设置',
  credit_category: '信用类别',
  media: '图片',
  audit_log: '审计日志',
  news_article: '文章',
  news_channel: '栏目',
  // good-people entities (issue 5)
  // credit entities (issue 6)
};

export const FIELD_LABELS: Record<string, string> = {
  siteName: '网站名称',
  city: '城市',
  organizer: '主办单位',
  contact: '联系方式',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  publicSecurity: '公网安备号',
  errorReportUrl: '找错链接',
  periodMonths: '公示期限（月）',
  personNameMasking: '自然人姓名显示',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  disabled: '已停用',
  alt: '图片说明',
  // good-people fields (issue 5)
  // credit fields (issue 6)
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function entityLabel(entityType: string): string {
  return ENTITY_LABELS[entityType] ?? entityType;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
