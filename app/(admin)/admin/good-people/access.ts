// Who may change a person: shared by the pages and the actions of the 好人榜 area.
import type { ContentStatus, UserRole } from '@/db/schema';
import { can } from '@/lib/roles';
import { EDITABLE_STATUSES } from '@/lib/workflow';

/** Editors change people while draft, rejected or offline; reviewers and admins at any time. */
export function editRefusal(user: { role: UserRole }, status: ContentStatus): string | null {
  if (can(user.role, 'content.review') || EDITABLE_STATUSES.includes(status)) return null;
  return status === 'pending' ? '此人物正在审核中（待审核），暂不能修改。如需修改，请联系审核人员退回。' : '此人物已发布，编辑不能直接修改。如需修改，请联系审核人员下线后再改。';
}

/** The [id] of a route: a positive integer, else null (a 404). */
export function parseId(raw: string): number | null {
  return /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}
