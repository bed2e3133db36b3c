// Roles and what each may do: the single table every page and action consults (through server/auth.ts).
import type { UserRole } from './enums';

export const ROLE_LABELS: Record<UserRole, string> = { admin: '管理员', reviewer: '审核', editor: '编辑', unit: '单位经办人' };

export type Permission =
  | 'dashboard.view'
  | 'content.edit' // create and edit drafts, submit for review
  | 'content.review' // approve, reject, publish, take offline
  | 'content.forcePublish' // publish without a reviewer, with a written reason
  | 'media.upload'
  | 'users.manage'
  | 'settings.manage'
  | 'audit.view'
  | 'ledger.view' // the editors' ledger pages (a unit handler sees its own unit's items only)
  | 'ledger.enter' // enter items found by inspections (督查) into the ledger
  | 'ledger.manage' // review, assign, verify, close, bulk assign (创城办)
  | 'ledger.unit' // act on the own unit's items only (单位经办人); never close
  | 'units.manage'; // units, their areas and handlers, categories, the working-day calendar

const GRANTS: Record<UserRole, readonly Permission[]> = {
  admin: ['dashboard.view', 'content.edit', 'content.review', 'content.forcePublish', 'media.upload', 'users.manage', 'settings.manage', 'audit.view', 'ledger.view', 'ledger.enter', 'ledger.manage', 'units.manage'],
  reviewer: ['dashboard.view', 'content.edit', 'content.review', 'media.upload', 'ledger.view', 'ledger.enter', 'ledger.manage'],
  editor: ['dashboard.view', 'content.edit', 'media.upload', 'ledger.view', 'ledger.enter'],
  unit: ['dashboard.view', 'ledger.view', 'ledger.unit'],
};

export function can(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Roles bound to one unit (users.unit_id is required for them and null for every other role). */
export function isUnitRole(role: UserRole): boolean {
  return role === 'unit';
}
