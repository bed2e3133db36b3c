// Roles and what each may do: the single table every page and action consults (through server/auth.ts).
import type { UserRole } from './enums';

export const ROLE_LABELS: Record<UserRole, string> = { admin: '管理员', reviewer: '审核', editor: '编辑' };

export type Permission =
  | 'dashboard.view'
  | 'content.edit' // create and edit drafts, submit for review
  | 'content.review' // approve, reject, publish, take offline
  | 'content.forcePublish' // publish without a reviewer, with a written reason
  | 'media.upload'
  | 'users.manage'
  | 'settings.manage'
  | 'audit.view';

const GRANTS: Record<UserRole, readonly Permission[]> = {
  admin: ['dashboard.view', 'content.edit', 'content.review', 'content.forcePublish', 'media.upload', 'users.manage', 'settings.manage', 'audit.view'],
  reviewer: ['dashboard.view', 'content.edit', 'content.review', 'media.upload'],
  editor: ['dashboard.view', 'content.edit', 'media.upload'],
};

export function can(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
